/**
 * Turns the text of a *.idenfy.json document into the exact bytes to send, or into the problems
 * that stop it from being sent. Works on one snapshot of the text, so what was checked is what is sent.
 */
import { findPropertyRange, readRequestText } from '../jsonc/request-text';
import { validateRequest } from '../model/validate';

export interface PreparedProblem {
  offset: number;
  length: number;
  message: string;
  /** 'document' for problems in the text itself (syntax, duplicates, encoding, size); 'model' otherwise. */
  source: 'document' | 'model';
}

export type Prepared =
  | { ok: true; body: string; clientId: string }
  | { ok: false; problems: PreparedProblem[] };

export function prepareRequest(text: string): Prepared {
  const read = readRequestText(text);
  if (!read.ok) {
    return {
      ok: false,
      problems: read.problems.map((p) => ({
        offset: p.offset,
        length: p.length,
        message: p.message,
        source: 'document',
      })),
    };
  }
  const checked = validateRequest(read.value);
  if (!checked.ok) {
    return {
      ok: false,
      problems: checked.issues.map((issue) => {
        const range = findPropertyRange(text, issue.path) ?? { offset: 0, length: 0 };
        return { ...range, message: issue.message, source: 'model' };
      }),
    };
  }
  return { ok: true, body: read.body, clientId: checked.data.clientId };
}
