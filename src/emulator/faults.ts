/**
 * Misbehaviours the emulator can be told to show, so the client's error handling is tested
 * against real sockets instead of mocks. A fault stays active until it is replaced or cleared.
 */
export type Fault =
  /** Answer normally, but only after `ms`. */
  | { kind: 'delay'; ms: number }
  /** Read the request and never answer. */
  | { kind: 'noAnswer' }
  /** Destroy the socket as soon as the request head arrives, before reading the body. */
  | { kind: 'resetBeforeBody' }
  /** Send the headers and part of a success body, then destroy the socket. */
  | { kind: 'resetMidResponse' }
  /** Send success headers, then nothing. */
  | { kind: 'stallBody' }
  /** A proxy-style HTML error page with status 500. */
  | { kind: 'html500' }
  /** 200 with a text body. */
  | { kind: 'nonJson200' }
  /** 201 with JSON that lacks authToken. */
  | { kind: 'missingAuthToken201' }
  /** 429 TOO_MANY_REQUESTS; retryAfter goes in the Retry-After header (seconds or HTTP date). */
  | { kind: 'tooManyRequests'; retryAfter?: number | string }
  /** 201 with a chunked body of `bytes`, stopping early when the client goes away. */
  | { kind: 'oversized'; bytes: number }
  /** Any canned answer, e.g. 403 PARTNER_CONTRACT_ERROR or 409. Strings are sent as they are. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> };
