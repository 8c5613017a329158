import { performance } from 'node:perf_hooks';
import { checkBaseUrl, tokenEndpoint } from './base-url';
import {
  failureBaseUrl,
  failureFromNetworkError,
  failureFromResponse,
  failureFromUnusableSuccess,
  failureTooLarge,
  type IdenfyFailure,
} from './errors';
import { basicAuthValue, redactSecret } from './redact';
import { trackRequestSent } from './request-sent';
import { Agent, type Dispatcher, request } from './undici-parts';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** iDenfy's answers are a few KiB; anything near this is not iDenfy and must not fill memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
export const DEFAULT_USER_AGENT = `idenfy-session-tools (node/${process.versions.node})`;

/**
 * The reason given when the private Agent is destroyed after its one request. Without one, undici
 * creates a ClientDestroyedError each time, and Node's streams format its stack when the socket is
 * destroyed with it: a stack as deep as the caller's async chain, which cost more than everything
 * else this client adds to a request (see npm run bench). One error, made once, serves every call;
 * neither undici nor the socket changes it, and no request is pending when it is used.
 */
const AFTER_USE = new Error('Connection closed after its one request.');

export interface CreateSessionOptions {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  /** The exact bytes to send: already validated and stripped of comments by the caller. */
  body: string;
  /** Used for the headers timeout, the body timeout and the overall deadline. */
  timeoutMs?: number;
  /** The UI's Cancel. */
  signal?: AbortSignal;
  /** e.g. from dispatcherFor(); the caller owns it and closes it. A private Agent otherwise. */
  dispatcher?: Dispatcher;
  maxResponseBytes?: number;
  userAgent?: string;
  /** Called once the request has been written: from then on a session may exist on iDenfy's side. */
  onRequestSent?: () => void;
}

/** What iDenfy answers; only the two ids are required, every other field is shown as it comes. */
export type SessionResponse = { authToken: string; scanRef: string } & Record<string, unknown>;

/**
 * Lenient on purpose: iDenfy adds fields over time, and they are shown to the user as they are.
 * Two fields of one object are checked by hand: a schema library would copy the whole answer.
 */
function isSessionResponse(value: unknown): value is SessionResponse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { authToken, scanRef } = value as Record<string, unknown>;
  return typeof authToken === 'string' && authToken !== '' && typeof scanRef === 'string' && scanRef !== '';
}

export type CreateSessionResult =
  | { ok: true; status: number; body: SessionResponse; durationMs: number; requestId?: string }
  | { ok: false; failure: IdenfyFailure; durationMs: number; requestId?: string };

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

type CappedRead = { ok: true; text: string } | { ok: false };

/**
 * Reads at most `cap` bytes; stops the transfer (closing the socket) as soon as it is exceeded.
 * `declared` is the Content-Length, already checked against the cap: undici's parser delivers no
 * more than that, so such a body is read whole by undici itself, without a chunk-by-chunk loop.
 */
async function readCapped(
  body: Dispatcher.ResponseData['body'],
  cap: number,
  declared: number,
): Promise<CappedRead> {
  if (Number.isFinite(declared)) return { ok: true, text: await body.text() };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > cap) {
      body.destroy();
      return { ok: false };
    }
    chunks.push(buf);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

type Endpoint = { ok: true; endpoint: URL } | { ok: false; message: string };
let lastEndpoint: { baseUrl: string; result: Endpoint } | undefined;

/** The checked token endpoint of a base URL; every request goes to the same one, so it is kept. */
function endpointFor(baseUrl: string): Endpoint {
  if (lastEndpoint?.baseUrl === baseUrl) return lastEndpoint.result;
  const checked = checkBaseUrl(baseUrl);
  const result: Endpoint = checked.ok ? { ok: true, endpoint: tokenEndpoint(checked.url) } : checked;
  lastEndpoint = { baseUrl, result };
  return result;
}

/**
 * POSTs one "Create verification session" request. Never retries: every POST that reaches
 * iDenfy creates a billable session. Never throws: every outcome is a CreateSessionResult.
 */
export async function createSession(options: CreateSessionOptions): Promise<CreateSessionResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const credentials = { apiKey: options.apiKey, apiSecret: options.apiSecret };
  // Messages can quote server text; the secret must not reach the UI through it.
  const fail = (failure: IdenfyFailure, requestId?: string): CreateSessionResult => ({
    ok: false,
    failure: { ...failure, message: redactSecret(failure.message, credentials) },
    durationMs: elapsed(),
    requestId,
  });

  const checked = endpointFor(options.baseUrl);
  if (!checked.ok) return fail(failureBaseUrl(checked.message));
  if (options.signal?.aborted)
    return fail(failureFromNetworkError(undefined, { requestSent: false, cancelled: true }));

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cap = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  // One controller for both Cancel and the deadline, remembering which one fired.
  const controller = new AbortController();
  let cancelled = false;
  let deadline = false;
  const onCancel = () => {
    cancelled = true;
    controller.abort(options.signal?.reason);
  };
  options.signal?.addEventListener('abort', onCancel, { once: true });
  const timer = setTimeout(() => {
    deadline = true;
    controller.abort(new DOMException('Deadline exceeded', 'TimeoutError'));
  }, timeoutMs);

  let requestSent = false;
  let status: number | undefined;
  let requestId: string | undefined;
  // A private Agent per request: no keep-alive socket outlives the call, and nothing global.
  const owned = options.dispatcher ? undefined : new Agent();
  const dispatcher = trackRequestSent(options.dispatcher ?? (owned as Dispatcher), () => {
    requestSent = true;
    try {
      options.onRequestSent?.();
    } catch {
      // A throwing UI hook must not abort a request that is already on the wire.
    }
  });

  try {
    const response = await request(checked.endpoint, {
      method: 'POST',
      dispatcher,
      signal: controller.signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      headers: {
        authorization: basicAuthValue(options.apiKey, options.apiSecret),
        'content-type': 'application/json',
        accept: 'application/json',
        'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
      },
      body: options.body,
    });
    status = response.statusCode;
    requestId = header(response.headers, 'x-request-id') ?? header(response.headers, 'x-amzn-requestid');

    const length = header(response.headers, 'content-length');
    const declared = length === undefined || length.trim() === '' ? Number.NaN : Number(length);
    if (Number.isFinite(declared) && declared > cap) {
      response.body.destroy();
      return fail(failureTooLarge(cap, status), requestId);
    }
    const read = await readCapped(response.body, cap, declared);
    if (!read.ok) return fail(failureTooLarge(cap, status), requestId);

    const parsed = parseJson(read.text);
    if (status >= 200 && status < 300) {
      if (read.text.trim() === '') return fail(failureFromUnusableSuccess(status, 'empty'), requestId);
      if (parsed === undefined) return fail(failureFromUnusableSuccess(status, 'notJson'), requestId);
      if (!isSessionResponse(parsed)) return fail(failureFromUnusableSuccess(status, 'noToken'), requestId);
      return { ok: true, status, body: parsed, durationMs: elapsed(), requestId };
    }
    return fail(
      failureFromResponse({ status, body: parsed, retryAfter: header(response.headers, 'retry-after') }),
      requestId,
    );
  } catch (err) {
    return fail(
      failureFromNetworkError(err, { requestSent, status, cancelled, deadline, timeoutMs }),
      requestId,
    );
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
    await owned?.destroy(AFTER_USE);
  }
}

// The editor layer needs these alongside createSession; re-exported so it has one import.
export { checkBaseUrl } from './base-url';
export { dispatcherFor } from './dispatcher';
export type { IdenfyFailure } from './errors';
