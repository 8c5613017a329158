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

/**
 * The steps every prepared document shares: read the JSONC text (syntax, duplicates, encoding, limits),
 * validate the value with `validate`, and place each problem in the text. `documentMessage` may reword a
 * text problem for the kind of file (a webhook fixture is not a request).
 */
export function prepareDocument<T>(
  text: string,
  validate: (
    value: unknown,
  ) => { ok: true; data: T } | { ok: false; issues: { path: (string | number)[]; message: string }[] },
  documentMessage: (problem: { kind: string; message: string }) => string = (p) => p.message,
): { ok: true; body: string; data: T } | { ok: false; problems: PreparedProblem[] } {
  const read = readRequestText(text);
  if (!read.ok) {
    return {
      ok: false,
      problems: read.problems.map((p) => ({
        offset: p.offset,
        length: p.length,
        message: documentMessage(p),
        source: 'document',
      })),
    };
  }
  const checked = validate(read.value);
  if (!checked.ok) {
    return {
      ok: false,
      problems: checked.issues.map((issue) => {
        const range = findPropertyRange(text, issue.path) ?? { offset: 0, length: 0 };
        return { ...range, message: issue.message, source: 'model' };
      }),
    };
  }
  return { ok: true, body: read.body, data: checked.data };
}

export function prepareRequest(text: string): Prepared {
  const prepared = prepareDocument(text, validateRequest);
  return prepared.ok ? { ok: true, body: prepared.body, clientId: prepared.data.clientId } : prepared;
}
