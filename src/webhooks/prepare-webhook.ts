/**
 * Turns the text of a *.idenfy-webhook.json fixture into the exact bytes to deliver, or into the
 * problems that stop it from being sent, as prepareRequest does for requests: one snapshot of the
 * text, so what was checked is what is sent (and signed). The body is the document's own tokens
 * with comments and trailing commas removed (src/jsonc/walk.ts), never a re-encoding.
 */
import { findPropertyRange, readRequestText } from '../jsonc/request-text';
import { validateWebhook } from '../model/validate-webhook';
import type { IdentificationWebhook } from '../model/webhook';
import type { PreparedProblem } from '../session/prepare';

export type { PreparedProblem } from '../session/prepare';

export type PreparedWebhook =
  | { ok: true; body: string; payload: IdentificationWebhook }
  | { ok: false; problems: PreparedProblem[] };

// readRequestText words these two for requests; a fixture needs its own words.
const DOCUMENT_MESSAGES: Partial<Record<string, string>> = {
  empty:
    'The file has no webhook payload in it (only whitespace or comments). Type "idenfy-webhook" for a snippet, or write the JSON object iDenfy sends.',
  not_object:
    'A webhook payload is a JSON object {...} (IdentificationWebhook). Put the fields inside braces.',
};

export function prepareWebhook(text: string): PreparedWebhook {
  const read = readRequestText(text);
  if (!read.ok) {
    return {
      ok: false,
      problems: read.problems.map((p) => ({
        offset: p.offset,
        length: p.length,
        message: DOCUMENT_MESSAGES[p.kind] ?? p.message,
        source: 'document',
      })),
    };
  }
  const checked = validateWebhook(read.value);
  if (!checked.ok) {
    return {
      ok: false,
      problems: checked.issues.map((issue) => {
        const range = findPropertyRange(text, issue.path) ?? { offset: 0, length: 0 };
        return { ...range, message: issue.message, source: 'model' };
      }),
    };
  }
  return { ok: true, body: read.body, payload: checked.data };
}
