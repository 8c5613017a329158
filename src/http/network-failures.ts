/** Maps a failure on the wire (no usable response) to a failure, by what had been sent when it happened. */
import { CHECK_DASHBOARD, CHECK_STATUS_FIRST, type IdenfyFailure } from './errors';
import { CREATE_SESSION, type Operation } from './operation';

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

/** What a request that may have reached iDenfy may have done, in the words of the messages. */
interface Consequences {
  /** "a session may have been created: check ..."; undefined for a read, which changes nothing. */
  maybe?: string;
  /** The same once iDenfy answered 2xx and only the body was lost. */
  probably?: string;
  /** What is certain when nothing was written. */
  nothing: string;
}

function consequences(operation: Operation): Consequences {
  if (operation.effect === 'create') {
    return {
      maybe: `a session may have been created: ${CHECK_DASHBOARD}`,
      probably: `a session was probably created: ${CHECK_DASHBOARD}`,
      nothing: 'no session was created',
    };
  }
  if (operation.effect === 'delete') {
    return {
      maybe: `the personal data may have been deleted: ${CHECK_STATUS_FIRST}`,
      probably: `the personal data was probably deleted: ${CHECK_STATUS_FIRST}`,
      nothing: 'nothing was deleted',
    };
  }
  return { nothing: 'nothing was asked of iDenfy' };
}

/**
 * Maps a failure that happened on the wire (no usable response) to a failure. `operation` says what
 * the request was for (Create Session by default): a read leaves nothing unknown, whatever was sent.
 */
export function failureFromNetworkError(
  err: unknown,
  ctx: NetworkContext,
  operation: Operation = CREATE_SESSION,
): IdenfyFailure {
  const code = errorCode(err);
  const effects = consequences(operation);
  // Only a request that can change something on iDenfy's side leaves its outcome unknown.
  // A read's wording never depends on whether it was written (a GET has no body to watch for).
  const read = effects.maybe === undefined;
  const sent = ctx.requestSent && !read;
  const base = { status: ctx.status, code: code ?? (err instanceof Error ? err.name : 'UNKNOWN') };
  // A 2xx status already arrived: iDenfy said "done" and only the details were lost.
  const created = ctx.status !== undefined && ctx.status >= 200 && ctx.status < 300;
  const afterSending = (what: string) =>
    created
      ? `${what} after iDenfy answered HTTP ${ctx.status}, so ${effects.probably}.`
      : `${what} after the request was sent, so ${effects.maybe}.`;
  const readLost = (what: string, advice: string) =>
    `${what}${created ? ` after iDenfy answered HTTP ${ctx.status}` : ''}: ${advice}.`;

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
        : read
          ? readLost('Cancelled', "nothing changed on iDenfy's side")
          : `Cancelled before the request was sent, so ${effects.nothing}.`,
      action: 'none',
    };
  }
  if (ctx.deadline || (code !== undefined && TIMEOUT_CODES.has(code)) || code === 'UND_ERR_CONNECT_TIMEOUT') {
    const limit = ctx.timeoutMs === undefined ? '' : ` within ${ctx.timeoutMs} ms`;
    // A connect timeout means nothing was written; any later timeout leaves iDenfy's side unknown.
    const unknown = sent && code !== 'UND_ERR_CONNECT_TIMEOUT';
    const readTimedOut = read && code !== 'UND_ERR_CONNECT_TIMEOUT';
    return {
      ...base,
      code: ctx.deadline ? 'DEADLINE' : base.code,
      cause: 'timeout',
      outcomeUnknown: unknown,
      message: unknown
        ? created
          ? afterSending(`The response body did not arrive${limit}`)
          : `iDenfy did not answer${limit}, so ${effects.maybe}.`
        : readTimedOut
          ? readLost(`iDenfy did not answer${limit}`, 'try again later')
          : `Could not connect to the server${limit}: check the base URL and proxy in Settings, then try again.`,
      action: unknown || readTimedOut ? 'none' : 'openSettings',
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
        : read
          ? readLost('The connection was lost before the answer arrived', 'try again')
          : `The connection was closed before the request was sent, so ${effects.nothing}: try again.`,
      action: 'none',
    };
  }
  return {
    ...base,
    cause: 'network',
    outcomeUnknown: sent,
    message: sent
      ? afterSending('A network error happened')
      : read
        ? readLost('A network error happened before the answer arrived', 'see the output log for details')
        : `A network error happened before the request was sent, so ${effects.nothing}: see the output log for details.`,
    action: 'openOutput',
  };
}
