/** Maps a failure on the wire (no usable response) to a failure, by what had been sent when it happened. */
import { CHECK_DASHBOARD, type IdenfyFailure } from './errors';

interface NetworkContext {
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
function errorCode(err: unknown): string | undefined {
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

  // A proxy setting that cannot be used (dispatcher.ts): its message says what to fix.
  if (code === 'IDENFY_PROXY_SETTING') {
    return {
      ...base,
      cause: 'proxyError',
      outcomeUnknown: false,
      message: errorText(err),
      action: 'openSettings',
    };
  }
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
