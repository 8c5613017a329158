/**
 * The one place that turns "what went wrong talking to iDenfy" into something a user can act on.
 * Everything here is a pure function so each mapping can be unit-tested without a socket.
 */

import { KNOWN_PROPERTIES } from '../model/request';

export type FailureAction = 'setCredentials' | 'showProblems' | 'openSettings' | 'openOutput' | 'none';

export type FailureCause =
  | 'baseUrlRefused'
  | 'unauthorized'
  | 'missingValue'
  | 'badValue'
  | 'validationError'
  | 'jsonError'
  | 'encodingError'
  | 'contractError'
  | 'permissionDenied'
  | 'notFound'
  | 'methodNotAllowed'
  | 'duplicateClientId'
  | 'requestTooLarge'
  | 'rateLimited'
  | 'serverError'
  | 'unexpectedStatus'
  | 'invalidSuccessBody'
  | 'responseTooLarge'
  | 'dnsNotFound'
  | 'connectionRefused'
  | 'connectionReset'
  | 'tlsCertificate'
  | 'proxyError'
  | 'timeout'
  | 'cancelled'
  | 'network';

export interface IdenfyFailure {
  cause: FailureCause;
  /** One sentence that says what happened and what to do; never contains the secret. */
  message: string;
  action: FailureAction;
  /** Request property the failure is about, when iDenfy named one ("Field 'country' ..."). */
  field?: string;
  retryAfterSeconds?: number;
  /**
   * True when a session may have been created although we cannot show it. POSTs are never
   * retried automatically, and the UI must tell the user to check before sending again.
   */
  outcomeUnknown: boolean;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** iDenfy's error identifier or the network error code, for the output log. */
  code?: string;
}

/** iDenfy's standard error body. */
export interface IdenfyErrorBody {
  identifier: string;
  message: string;
}

const CHECK_DASHBOARD = 'check the iDenfy dashboard before sending again';

export function isIdenfyErrorBody(value: unknown): value is IdenfyErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.identifier === 'string' && typeof v.message === 'string';
}

/** Server text is quoted inside our sentences: keep it short, single-line and without a final dot. */
function quoteServerText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const short = flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
  return short.replace(/[.\s]+$/, '');
}

/** Extracts the field from iDenfy messages of the form "Field 'country' ..." (any quote style). */
export function fieldFromMessage(message: string): string | undefined {
  const m = /\bfield\s+['"`\u2018\u201c]([A-Za-z_][\w.[\]]*)['"`\u2019\u201d]/i.exec(message);
  return m?.[1];
}

function optionFromContractMessage(message: string): string | undefined {
  const named = fieldFromMessage(message);
  if (named !== undefined) return named;
  // The option mentioned first is the one the message is about; whole words only, so
  // "checkDuplicateFaces" is not found inside "checkDuplicateDocFaces".
  let first: { option: string; at: number } | undefined;
  // Any request property can be one the contract does not enable: the model's list is the one list.
  for (const option of KNOWN_PROPERTIES) {
    const at = message.search(new RegExp(`\\b${option}\\b`, 'i'));
    if (at >= 0 && (first === undefined || at < first.at)) first = { option, at };
  }
  return first?.option;
}

/**
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110 10.2.3).
 * Returns whole seconds from `now`, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: Date = new Date()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

export interface ErrorResponse {
  status: number;
  /** The parsed body, or undefined when it was empty or not JSON. */
  body: unknown;
  /** Raw Retry-After header value. */
  retryAfter?: string;
  now?: Date;
}

/** Maps a non-2xx response to a failure. */
export function failureFromResponse(response: ErrorResponse): IdenfyFailure {
  const { status } = response;
  const idenfy = isIdenfyErrorBody(response.body) ? response.body : undefined;
  const identifier = idenfy?.identifier;
  const serverText = idenfy ? quoteServerText(idenfy.message) : undefined;
  const said = serverText ? ` (iDenfy said: "${serverText}")` : '';
  // Without iDenfy's JSON the answer most likely came from a proxy or gateway, not from iDenfy.
  const notIdenfy = idenfy ? '' : ' and the body was not an iDenfy error, so a proxy may have answered';
  const base = { status, code: identifier ?? `HTTP_${status}`, outcomeUnknown: false };
  const field = idenfy ? fieldFromMessage(idenfy.message) : undefined;

  if (status === 401 || identifier === 'UNAUTHORIZED') {
    return {
      ...base,
      cause: 'unauthorized',
      message: 'iDenfy rejected the API key or secret: set the credentials again.',
      action: 'setCredentials',
    };
  }
  if (identifier === 'MISSING_VALUE') {
    return {
      ...base,
      cause: 'missingValue',
      field,
      message: `iDenfy says a required value is missing${field ? ` ('${field}')` : ''}${said}: add it to the request and send again.`,
      action: 'showProblems',
    };
  }
  if (identifier === 'BAD_VALUE' || identifier === 'VALIDATION_ERROR') {
    return {
      ...base,
      cause: identifier === 'BAD_VALUE' ? 'badValue' : 'validationError',
      field,
      message: `iDenfy refused ${field ? `the value of '${field}'` : 'a value in the request'}${said}: fix it and send again.`,
      action: 'showProblems',
    };
  }
  if (identifier === 'JSON_ERROR') {
    return {
      ...base,
      cause: 'jsonError',
      message: `iDenfy could not read the request body as JSON${said}: fix the file's JSON and send again.`,
      action: 'showProblems',
    };
  }
  if (identifier === 'ENCODING_ERROR') {
    return {
      ...base,
      cause: 'encodingError',
      message: `iDenfy could not decode the request body${said}: save the file as UTF-8 and send again.`,
      action: 'showProblems',
    };
  }
  if (identifier === 'PARTNER_CONTRACT_ERROR') {
    const option = idenfy ? optionFromContractMessage(idenfy.message) : undefined;
    return {
      ...base,
      cause: 'contractError',
      field: option,
      message: `The request is valid but your iDenfy contract does not enable ${option ? `'${option}'` : 'an option it uses'}${said}: remove it or ask iDenfy support to enable it.`,
      action: 'none',
    };
  }
  if (status === 403 || identifier === 'PERMISSIONS_ERROR') {
    return {
      ...base,
      cause: 'permissionDenied',
      field,
      message: `iDenfy refused the request for lack of permissions (HTTP ${status})${said}${notIdenfy}: ask iDenfy support which permission the account needs.`,
      action: 'none',
    };
  }
  if (status === 404) {
    return {
      ...base,
      cause: 'notFound',
      message: `The server has no /api/v2/token endpoint (HTTP 404)${notIdenfy}: check the iDenfy base URL in Settings.`,
      action: 'openSettings',
    };
  }
  if (status === 405 || identifier === 'METHOD_NOT_ALLOWED') {
    return {
      ...base,
      cause: 'methodNotAllowed',
      message: `The server does not accept POST at /api/v2/token (HTTP ${status})${notIdenfy}: check the iDenfy base URL in Settings.`,
      action: 'openSettings',
    };
  }
  if (status === 409) {
    return {
      ...base,
      cause: 'duplicateClientId',
      field: field ?? 'clientId',
      message: `iDenfy already has an active session for this clientId (HTTP 409)${said}: use another clientId or wait for that session to finish.`,
      action: 'showProblems',
    };
  }
  if (status === 413) {
    return {
      ...base,
      cause: 'requestTooLarge',
      message:
        'The server refused the request body as too large (HTTP 413): make the request smaller and send again.',
      action: 'showProblems',
    };
  }
  if (status === 429 || identifier === 'TOO_MANY_REQUESTS') {
    const retryAfterSeconds = parseRetryAfter(response.retryAfter, response.now);
    const when =
      retryAfterSeconds === undefined
        ? 'wait a while'
        : `wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`;
    return {
      ...base,
      cause: 'rateLimited',
      retryAfterSeconds,
      message: `iDenfy is rate-limiting this account (HTTP ${status}): ${when} before sending again.`,
      action: 'none',
    };
  }
  if (status >= 500) {
    // A gateway error (502, 504) means the gateway lost track of a request it may already have
    // forwarded, so iDenfy may have created the session; other 5xx are iDenfy refusing it.
    const gateway = status === 502 || status === 504;
    return {
      ...base,
      cause: 'serverError',
      outcomeUnknown: gateway,
      message: gateway
        ? `A gateway failed while waiting for iDenfy (HTTP ${status}), so a session may have been created: ${CHECK_DASHBOARD}.`
        : `iDenfy had a server error (HTTP ${status})${said}${notIdenfy}: try again later.`,
      action: gateway ? 'none' : 'openOutput',
    };
  }
  return {
    ...base,
    cause: 'unexpectedStatus',
    field,
    message: `iDenfy answered with an unexpected HTTP ${status}${said}${notIdenfy}: see the output log for details.`,
    action: 'openOutput',
  };
}

/**
 * A 2xx whose body we cannot use. iDenfy answered "created", so the session exists even though
 * we have no token to show: the outcome is unknown to the user.
 */
export function failureFromUnusableSuccess(
  status: number,
  problem: 'empty' | 'notJson' | 'noToken',
): IdenfyFailure {
  const what =
    problem === 'empty'
      ? 'an empty body'
      : problem === 'notJson'
        ? 'a body that is not JSON'
        : 'no authToken or scanRef';
  return {
    cause: 'invalidSuccessBody',
    status,
    code: `HTTP_${status}`,
    outcomeUnknown: true,
    message: `The server answered HTTP ${status} with ${what}, so a session may have been created that we cannot show: ${CHECK_DASHBOARD}.`,
    action: 'openOutput',
  };
}

export function failureTooLarge(limitBytes: number, status: number): IdenfyFailure {
  const created = status >= 200 && status < 300;
  const mib = (limitBytes / (1024 * 1024)).toFixed(limitBytes % (1024 * 1024) === 0 ? 0 : 2);
  return {
    cause: 'responseTooLarge',
    status,
    code: 'RESPONSE_TOO_LARGE',
    outcomeUnknown: created,
    message: created
      ? `The response was larger than ${mib} MiB and was not read, so a session may have been created: ${CHECK_DASHBOARD}.`
      : `The response was larger than ${mib} MiB and was not read: check the base URL in Settings, as iDenfy never sends such bodies.`,
    action: created ? 'none' : 'openSettings',
  };
}

export function failureBaseUrl(message: string): IdenfyFailure {
  return {
    cause: 'baseUrlRefused',
    code: 'BASE_URL_REFUSED',
    message,
    action: 'openSettings',
    outcomeUnknown: false,
  };
}

export interface NetworkContext {
  /** Whether the request (headers and body) had been written to the socket. */
  requestSent: boolean;
  /** Set when response headers arrived before the failure. */
  status?: number;
  /** The user pressed Cancel. */
  cancelled?: boolean;
  /** Our own overall deadline fired. */
  deadline?: boolean;
  timeoutMs?: number;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** The first `code` on the error or its cause chain (undici and fetch wrap system errors). */
export function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const c = current as { code?: unknown; cause?: unknown };
    if (typeof c.code === 'string') return c.code;
    current = c.cause;
  }
  return undefined;
}

function isAbortError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Maps a failure that happened on the wire (no usable response) to a failure. */
export function failureFromNetworkError(err: unknown, ctx: NetworkContext): IdenfyFailure {
  const code = errorCode(err);
  const sent = ctx.requestSent;
  const base = { status: ctx.status, code: code ?? (err instanceof Error ? err.name : 'UNKNOWN') };
  // A 2xx status already arrived: iDenfy said "created" and only the details were lost.
  const created = ctx.status !== undefined && ctx.status >= 200 && ctx.status < 300;
  const afterSending = (what: string) =>
    created
      ? `${what} after iDenfy answered HTTP ${ctx.status}, so a session was probably created: ${CHECK_DASHBOARD}.`
      : `${what} after the request was sent, so a session may have been created: ${CHECK_DASHBOARD}.`;

  // Checked before cancellation: undici reports a refused CONNECT tunnel as an AbortError
  // (code UND_ERR_ABORTED) with this message, though nobody cancelled anything.
  if (!ctx.cancelled && code === 'UND_ERR_ABORTED' && /proxy/i.test(errorText(err))) {
    return {
      ...base,
      cause: 'proxyError',
      outcomeUnknown: false,
      message: 'The HTTP proxy refused to connect to iDenfy: check http.proxy in Settings.',
      action: 'openSettings',
    };
  }
  // A bare AbortError (no string code) is what an AbortSignal produces: the user's Cancel.
  if (ctx.cancelled || (isAbortError(err) && code === undefined && !ctx.deadline)) {
    return {
      ...base,
      code: 'CANCELLED',
      cause: 'cancelled',
      // Cancelling only stops us waiting; once the request is written iDenfy may still create it.
      outcomeUnknown: sent,
      message: sent
        ? afterSending('Cancelled')
        : 'Cancelled before the request was sent, so no session was created.',
      action: 'none',
    };
  }
  if (ctx.deadline || (code !== undefined && TIMEOUT_CODES.has(code)) || code === 'UND_ERR_CONNECT_TIMEOUT') {
    const limit = ctx.timeoutMs === undefined ? '' : ` within ${ctx.timeoutMs} ms`;
    // A connect timeout means nothing was written; any later timeout leaves iDenfy's side unknown.
    const unknown = sent && code !== 'UND_ERR_CONNECT_TIMEOUT';
    return {
      ...base,
      code: ctx.deadline ? 'DEADLINE' : base.code,
      cause: 'timeout',
      outcomeUnknown: unknown,
      message: unknown
        ? created
          ? afterSending(`The response body did not arrive${limit}`)
          : `iDenfy did not answer${limit}, so a session may have been created: ${CHECK_DASHBOARD}.`
        : `Could not connect to the server${limit}: check the base URL and proxy in Settings, then try again.`,
      action: unknown ? 'none' : 'openSettings',
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      ...base,
      cause: 'dnsNotFound',
      outcomeUnknown: false,
      message:
        'The server name in the base URL could not be resolved: check the base URL in Settings and your network connection.',
      action: 'openSettings',
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      ...base,
      cause: 'connectionRefused',
      outcomeUnknown: false,
      message:
        'The server refused the connection: check the base URL (and that the emulator is running, if you use it) in Settings.',
      action: 'openSettings',
    };
  }
  if (
    code !== undefined &&
    (TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_'))
  ) {
    return {
      ...base,
      cause: 'tlsCertificate',
      outcomeUnknown: false,
      message: `The server's TLS certificate was not accepted (${code}), so nothing was sent: if a corporate proxy re-signs traffic, install its CA or review http.proxyStrictSSL in Settings.`,
      action: 'openSettings',
    };
  }
  if (code !== undefined && (RESET_CODES.has(code) || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH')) {
    return {
      ...base,
      cause: 'connectionReset',
      outcomeUnknown: sent,
      message: sent
        ? afterSending('The connection was lost')
        : 'The connection was closed before the request was sent, so no session was created: try again.',
      action: 'none',
    };
  }
  return {
    ...base,
    cause: 'network',
    outcomeUnknown: sent,
    message: sent
      ? afterSending('A network error happened')
      : 'A network error happened before the request was sent, so no session was created: see the output log for details.',
    action: 'openOutput',
  };
}
