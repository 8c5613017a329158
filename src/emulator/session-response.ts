import { randomInt, randomUUID } from 'node:crypto';
import { FIELD_ORIGINS } from '../model/request';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 40 characters, like the page's example authToken; crypto-random so tokens never collide. */
export function newAuthToken(): string {
  let token = '';
  for (let i = 0; i < 40; i++) token += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return token;
}

/** The 8-digit mobile-app code (the table says 8; the page's example showing 7 is wrong). */
export function newDigitString(): string {
  return String(randomInt(100_000_000)).padStart(8, '0');
}

/** Every field of the page's table, null: iDenfy echoes them all, null where nothing applies. */
const PAGE_FIELDS_AS_NULL: Readonly<Record<string, null>> = Object.fromEntries(
  [...FIELD_ORIGINS].filter(([, origin]) => origin === 'page').map(([name]) => [name, null]),
);

function upperName(value: unknown): unknown {
  return typeof value === 'string' ? value.toUpperCase() : value;
}

/**
 * What iDenfy answers for a valid request. `request` is the model's parse output, so the table's
 * defaults are already filled in; the other page fields are echoed as null, names upper-cased
 * (iDenfy does that), plus the generated identifiers.
 */
export function buildSessionResponse(
  request: Record<string, unknown>,
  redirectBase: string,
): Record<string, unknown> & { authToken: string; scanRef: string } {
  const authToken = newAuthToken();
  const scanRef = randomUUID();
  const message = 'Token created successfully';
  const echoed = { ...PAGE_FIELDS_AS_NULL, ...request };
  // Generated fields come first for reading order, and are assigned again afterwards so that a
  // request property of the same name can never replace them (assignment keeps key order).
  const response: Record<string, unknown> = {
    message,
    authToken,
    scanRef,
    clientId: request.clientId,
    ...echoed,
  };
  Object.assign(response, {
    message,
    authToken,
    scanRef,
    firstName: upperName(echoed.firstName),
    lastName: upperName(echoed.lastName),
    digitString: echoed.generateDigitString === true ? newDigitString() : null,
    redirectUrl: `${redirectBase}/api/v2/redirect?authToken=${encodeURIComponent(authToken)}`,
  });
  return response as Record<string, unknown> & { authToken: string; scanRef: string };
}
