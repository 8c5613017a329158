import { findNodeAtLocation, type Node, type ParseOptions, parseTree } from 'jsonc-parser';
import { findEncodingProblems } from './encoding.js';
import { MAX_NESTING_DEPTH, MAX_REQUEST_BYTES, oversizeBytes, scanStructure } from './limits.js';
import { syntaxMessage } from './syntax-messages.js';
import { type Walked, walkDocument } from './walk.js';

export { MAX_NESTING_DEPTH, MAX_REQUEST_BYTES } from './limits.js';

export type RequestProblemKind =
  | 'empty'
  | 'syntax'
  | 'not_object'
  | 'duplicate_key'
  | 'too_large'
  | 'too_deep'
  | 'encoding';

/** Offsets are UTF-16 offsets into the text passed in (a leading BOM included), like VS Code's. */
export interface RequestProblem {
  offset: number;
  length: number;
  message: string;
  kind: RequestProblemKind;
}

export type RequestTextResult =
  | { ok: true; value: unknown; body: string }
  | { ok: false; problems: RequestProblem[] };

/** A garbage or binary file can produce thousands of errors; past this many they only add noise. */
export const MAX_PROBLEMS = 100;

// *.idenfy.json files are edited as JSONC (see package.json), so comments and trailing commas are fine.
const PARSE_OPTIONS: ParseOptions = {
  disallowComments: false,
  allowTrailingComma: true,
  allowEmptyContent: false,
};

/**
 * Reads a *.idenfy.json document. `body` is only produced when nothing is wrong, so a request with
 * an ambiguous (duplicate) key, lost bytes or a syntax error can never be sent by accident; it is
 * the checked text itself (see walk.ts), and `value` is what that text means.
 */
export function readRequestText(text: string): RequestTextResult {
  const source = blankBom(text);
  const bytes = oversizeBytes(source, MAX_REQUEST_BYTES);
  if (bytes !== undefined) return fail([tooLarge(bytes)]);

  const structure = scanStructure(source, MAX_NESTING_DEPTH);
  if (!structure.hasContent) return fail([EMPTY]);
  if (structure.tooDeepAt !== undefined) return fail([tooDeep(structure.tooDeepAt)]);

  const walked = walkDocument(source);
  const problems: RequestProblem[] = findEncodingProblems(source, MAX_PROBLEMS).map((hit) => ({
    ...hit,
    kind: 'encoding',
  }));
  // A stray U+FFFD outside a string is also a syntax error; the encoding message explains the cause.
  const explained = (offset: number) =>
    problems.some((p) => offset >= p.offset && offset < p.offset + p.length);
  for (const error of walked.errors) {
    if (explained(error.offset)) continue;
    problems.push({
      kind: 'syntax',
      offset: error.offset,
      length: error.length,
      message: syntaxMessage(error.error),
    });
  }
  problems.push(...walked.hits);
  if (walked.root && walked.root.type !== 'object') problems.push(notObject(walked.root));
  if (problems.length > 0) return fail(problems);
  // Without errors the body is plain JSON, and its duplicate keys were refused above, so the engine's
  // own parser gives the value the body means ("__proto__" stays an ordinary key with JSON.parse).
  return { ok: true, value: JSON.parse(walked.body), body: walked.body };
}

/**
 * Range of the property at `path` (its key, so the squiggle sits on the name) or of the array
 * element / root value when the last segment is not an object key. Undefined when the path is not
 * in the document, or when the document is one readRequestText refuses to parse (too big or deep).
 */
export function findPropertyRange(
  text: string,
  path: (string | number)[],
): { offset: number; length: number } | undefined {
  const source = blankBom(text);
  if (oversizeBytes(source, MAX_REQUEST_BYTES) !== undefined) return undefined;
  if (scanStructure(source, MAX_NESTING_DEPTH).tooDeepAt !== undefined) return undefined;
  const root = parseTree(source, [], PARSE_OPTIONS);
  const node = root && findNodeAtLocation(root, path);
  if (!node) return undefined;
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  const target: Node = key ?? node;
  return { offset: target.offset, length: target.length };
}

// jsonc-parser rejects U+FEFF; a space keeps every later offset identical to the caller's text.
function blankBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

function fail(problems: RequestProblem[]): RequestTextResult {
  const sorted = [...problems].sort((a, b) => a.offset - b.offset);
  return { ok: false, problems: sorted.slice(0, MAX_PROBLEMS) };
}

const EMPTY: RequestProblem = {
  kind: 'empty',
  offset: 0,
  length: 0,
  message:
    'The file has no request in it (only whitespace or comments). Write a JSON object with at least a clientId, for example { "clientId": "user-123" }.',
};

function tooLarge(bytes: number): RequestProblem {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return {
    kind: 'too_large',
    offset: 0,
    length: 0,
    message:
      `This file is ${mb(bytes)} MB, over the ${mb(MAX_REQUEST_BYTES)} MB limit for a request body, so it was not checked. ` +
      'A request this large would be refused; remove the large values (for example embedded files or data).',
  };
}

function tooDeep(offset: number): RequestProblem {
  return {
    kind: 'too_deep',
    offset,
    length: 1,
    message:
      `This value is nested more than ${MAX_NESTING_DEPTH} levels deep, so the file was not checked further. ` +
      'iDenfy requests are shallow; flatten this data (for example in additionalData) before sending.',
  };
}

function notObject(root: NonNullable<Walked['root']>): RequestProblem {
  const found = root.type === 'array' ? 'an array' : root.type === 'null' ? 'null' : `a ${root.type}`;
  return {
    kind: 'not_object',
    offset: root.offset,
    length: root.length,
    message: `The request body must be a JSON object {...}, but this is ${found}. Put the fields inside braces, for example { "clientId": "user-123" }.`,
  };
}
