/** Runs the zod model and speaks its findings as RequestIssues: one per problem, never throwing. */
import type { z } from 'zod';
import type { RequestIssue, ValidationResult } from './issues';
import { nearestKnownProperty } from './property-names';
import { type CreateSessionRequest, createSessionRequest, KNOWN_PROPERTIES } from './request';

export type { RequestIssue, ValidationResult } from './issues';

export function validateRequest(input: unknown): ValidationResult<CreateSessionRequest> {
  const result = createSessionRequest.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, issues: result.error.issues.flatMap((i) => toRequestIssues(i, REQUEST_VOCABULARY)) };
}

/** The top-level property names a model knows (for "did you mean"), and what the model is called. */
export interface ModelVocabulary {
  known: readonly string[];
  name: string;
}

const REQUEST_VOCABULARY: ModelVocabulary = { known: KNOWN_PROPERTIES, name: "iDenfy's request model" };

export function toRequestIssues(issue: z.core.$ZodIssue, vocabulary: ModelVocabulary): RequestIssue[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      // Suggestions only make sense against the top-level vocabulary.
      const suggestion = path.length === 0 ? nearestKnownProperty(key, vocabulary.known) : undefined;
      return {
        path: [...path, key],
        kind: 'unknown_property' as const,
        message: suggestion
          ? `Unknown property "${key}". Did you mean "${suggestion}"?`
          : `Unknown property "${key}": it is not part of ${vocabulary.name}. Check the spelling or remove it.`,
      };
    });
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ path, kind: 'missing', message: `"${path.join('.')}" is required.` }];
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    return [{ path, kind: 'bad_value', message: rangeMessage(issue) }];
  }
  if (issue.code === 'invalid_type') {
    return [{ path, kind: 'bad_value', message: `Expected ${article(issue.expected)}.` }];
  }
  if (issue.code === 'invalid_key') {
    // zod's own message is "Invalid key in record"; the key's pattern says what to write instead.
    const reasons = issue.issues.map((i) => i.message);
    return [
      { path, kind: 'bad_value', message: `Invalid key "${String(issue.input)}". ${reasons.join(' ')}` },
    ];
  }
  if (issue.code === 'custom' && issue.params?.rule) {
    return [{ path, kind: 'cross_field', message: issue.message }];
  }
  return [{ path, kind: 'bad_value', message: issue.message }];
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function rangeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  const inclusive = issue.inclusive !== false;
  const bound = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
  switch (issue.origin) {
    case 'string':
      return `Must be ${bound} ${limit} character${limit === 1 ? '' : 's'} long.`;
    case 'array':
    case 'set':
      return `Must have ${bound} ${limit} item${limit === 1 ? '' : 's'}.`;
    default:
      return `Must be ${bound} ${limit}.`;
  }
}
