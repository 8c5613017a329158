/**
 * iDenfy's webhook signature: `Idenfy-Signature` is the hex HMAC-SHA256 of the raw request body,
 * keyed with the webhook's signing key. One place for signing (the emulator, Send Webhook) and
 * verifying (the tests, and the receiver snippets do the same in their own language).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Idenfy-Signature';
export const EVENT_TYPE_HEADER = 'Idenfy-Event-Type';

/** Hex (64 lower-case characters) HMAC-SHA256 of `body` as bytes; a string is taken as UTF-8. */
export function signWebhook(body: Uint8Array | string, signingKey: string): string {
  return createHmac('sha256', signingKey).update(body).digest('hex');
}

const HEX_64 = /^[0-9a-fA-F]{64}$/;

/**
 * Whether `signature` (the header's value) is the HMAC of exactly these bytes under `signingKey`.
 * Compared in constant time; a header that is missing, not 64 hex characters, or repeated is refused.
 */
export function verifyWebhookSignature(
  body: Uint8Array | string,
  signature: string | readonly string[] | undefined,
  signingKey: string,
): boolean {
  if (typeof signature !== 'string' || !HEX_64.test(signature.trim())) return false;
  const expected = Buffer.from(signWebhook(body, signingKey), 'hex');
  const given = Buffer.from(signature.trim(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
