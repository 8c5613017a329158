/** HTTP basic auth against the emulator's throwaway key pair, compared in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time on equal-length digests, so the comparison leaks neither content nor length. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

export function authorised(header: string | undefined, apiKey: string, apiSecret: string): boolean {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m?.[1]) return false;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  // Both halves are always compared, so a wrong key takes as long as a wrong secret.
  const keyOk = sameSecret(decoded.slice(0, colon), apiKey);
  const secretOk = sameSecret(decoded.slice(colon + 1), apiSecret);
  return keyOk && secretOk;
}
