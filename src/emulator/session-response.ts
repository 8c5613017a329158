import { randomInt, randomUUID } from 'node:crypto';
import { responseDefaults } from '../model/request';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const CREATED_MESSAGE = 'Token created successfully';
/** iDenfy's answer to a request with `dummyStatus` (its notes on testing without real verifications). */
const DUMMY_CREATED_MESSAGE = 'Dummy token and verification created successfully';

/** 40 characters, like the page's example authToken; crypto-random so tokens never collide. */
function newAuthToken(): string {
  let token = '';
  for (let i = 0; i < 40; i++) token += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return token;
}

/** The 8-digit mobile-app code (the table says 8; the page's example showing 7 is wrong). */
function newDigitString(): string {
  return String(randomInt(100_000_000)).padStart(8, '0');
}

function upperName(value: unknown): unknown {
  return typeof value === 'string' ? value.toUpperCase() : value;
}

export type SessionResponse = Record<string, unknown> & { authToken: string; scanRef: string };

/**
 * What iDenfy answers for a valid request, shaped like the page's example responses: the request
 * echoed, the default of every optional field it left out (from the model, responseDefaults), names
 * upper-cased, plus the generated identifiers, `personScanRef` and `allowedDocuments`.
 */
export function buildSessionResponse(
  request: Record<string, unknown>,
  redirectBase: string,
): SessionResponse {
  const authToken = newAuthToken();
  const scanRef = randomUUID();
  const message = request.dummyStatus === undefined ? CREATED_MESSAGE : DUMMY_CREATED_MESSAGE;
  const echoed: Record<string, unknown> = { ...structuredClone(responseDefaults()), ...request };
  // Generated fields come first for reading order, and are assigned again afterwards so that a
  // request property of the same name can never replace them (assignment keeps key order).
  const response: Record<string, unknown> = {
    message,
    authToken,
    scanRef,
    clientId: request.clientId,
    // The page's example answers the person's reference with the clientId it was created for.
    personScanRef: request.clientId,
    ...echoed,
  };
  Object.assign(response, {
    message,
    authToken,
    scanRef,
    personScanRef: request.clientId,
    firstName: upperName(echoed.firstName),
    lastName: upperName(echoed.lastName),
    // The page's examples list the documents the client may choose from, for all countries. (Its
    // first example shows an environment's wider list; the emulator's environment allows what is asked.)
    allowedDocuments: { ALL: echoed.documents },
    digitString: echoed.generateDigitString === true ? newDigitString() : null,
    redirectUrl: `${redirectBase}/api/v2/redirect?authToken=${encodeURIComponent(authToken)}`,
  });
  return response as SessionResponse;
}
