/**
 * Turns the text of a *.idenfy-webhook.json fixture into the exact bytes to deliver, or into the
 * problems that stop it from being sent, as prepareRequest does for requests: one snapshot of the
 * text, so what was checked is what is sent (and signed). The body is the document's own tokens
 * with comments and trailing commas removed (src/jsonc/walk.ts), never a re-encoding.
 */
import { validateWebhook } from '../model/validate-webhook';
import type { IdentificationWebhook } from '../model/webhook';
import { type PreparedProblem, prepareDocument } from '../session/prepare';

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
  const prepared = prepareDocument(text, validateWebhook, (p) => DOCUMENT_MESSAGES[p.kind] ?? p.message);
  return prepared.ok ? { ok: true, body: prepared.body, payload: prepared.data } : prepared;
}
