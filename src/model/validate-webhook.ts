/** Runs the webhook model and speaks its findings as RequestIssues, as validateRequest does for requests. */
import type { ValidationResult } from './issues';
import { type ModelVocabulary, toRequestIssues } from './validate';
import { type IdentificationWebhook, identificationWebhook, KNOWN_WEBHOOK_PROPERTIES } from './webhook';

const WEBHOOK_VOCABULARY: ModelVocabulary = {
  known: KNOWN_WEBHOOK_PROPERTIES,
  name: "iDenfy's webhook payload (IdentificationWebhook)",
};

export function validateWebhook(input: unknown): ValidationResult<IdentificationWebhook> {
  const result = identificationWebhook.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, issues: result.error.issues.flatMap((i) => toRequestIssues(i, WEBHOOK_VOCABULARY)) };
}
