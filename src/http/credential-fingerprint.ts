/**
 * A non-secret name for the API key a session was created with, stored in its history entry so later
 * requests for the session can tell whether the credentials have changed since, without the history
 * ever holding the key. Only the key is hashed: the key names the account, the secret only proves it,
 * and a derivative of the secret in a file could be attacked offline. Domain-separated so the value is
 * useless as a plain SHA-256 of the key elsewhere.
 */
import { createHash } from 'node:crypto';

const DOMAIN = 'idenfy-session-tools/credential-fingerprint/v1\0';

/** 32 hex characters (128 bits of SHA-256): enough to tell keys apart, never enough to recover one. */
export function credentialFingerprint(apiKey: string): string {
  return createHash('sha256').update(DOMAIN, 'utf8').update(apiKey, 'utf8').digest('hex').slice(0, 32);
}
