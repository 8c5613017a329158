import { performance } from 'node:perf_hooks';
import { Agent, type Dispatcher, request } from 'undici';
import { isPlainObject } from '../util/is-plain-object';
import type { IdenfyFailure } from './errors';
import { idenfyUrl } from './idenfy-urls';
import { failureFromNetworkError } from './network-failures';
import { basicAuthValue, redactSecret } from './redact';
import { watchBodySent } from './request-sent';
import {
  failureBaseUrl,
  failureFromResponse,
  failureFromUnusableSuccess,
  failureTooLarge,
} from './status-failures';

const DEFAULT_TIMEOUT_MS = 30_000;
/** iDenfy's answers are a few KiB; anything near this is not iDenfy and must not fill memory. */
const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
const USER_AGENT = `idenfy-session-tools (node/${process.versions.node})`;

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
  /** Called once the request has been written: from then on a session may exist on iDenfy's side. */
  onRequestSent?: () => void;
}

/** What iDenfy answers; only the two ids are required, every other field is shown as it comes. */
type SessionResponse = { authToken: string; scanRef: string } & Record<string, unknown>;

/**
 * Lenient on purpose: a 2xx with both ids is a created (billable) session whatever else it holds
 * (clientId null or missing, fields iDenfy adds later); everything is shown to the user as it came.
 */
function isSessionResponse(value: unknown): value is SessionResponse {
  if (!isPlainObject(value)) return false;
  const { authToken, scanRef } = value;
  return typeof authToken === 'string' && authToken !== '' && typeof scanRef === 'string' && scanRef !== '';
}

/** The outcome of one POST. `url` is the URL actually requested (absent when the base URL was refused). */
export type CreateSessionResult =
  | { ok: true; status: number; body: SessionResponse; durationMs: number; url: URL; requestId?: string }
  | { ok: false; failure: IdenfyFailure; durationMs: number; url?: URL; requestId?: string };

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

type CappedRead = { ok: true; text: string } | { ok: false };

/** Reads at most `cap` bytes; stops the transfer (closing the socket) as soon as it is exceeded. */
async function readCapped(body: Dispatcher.ResponseData['body'], cap: number): Promise<CappedRead> {
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

/**
 * POSTs one "Create verification session" request. Never retries: every POST that reaches
 * iDenfy creates a billable session. Never throws: every outcome is a CreateSessionResult.
 */
export async function createSession(options: CreateSessionOptions): Promise<CreateSessionResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const credentials = { apiKey: options.apiKey, apiSecret: options.apiSecret };
  const redact = (text: string) => redactSecret(text, credentials);

  const endpoint = idenfyUrl(options.baseUrl, 'token');
  const url = endpoint.ok ? endpoint.url : undefined;
  // Messages can quote server text; the secret must not reach the UI or the log through them.
  const fail = (failure: IdenfyFailure, requestId?: string): CreateSessionResult => ({
    ok: false,
    failure: {
      ...failure,
      message: redact(failure.message),
      ...(failure.serverText === undefined ? {} : { serverText: redact(failure.serverText) }),
    },
    durationMs: elapsed(),
    url,
    requestId,
  });

  if (!endpoint.ok) return fail(failureBaseUrl(endpoint.message));
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
  // This call's own Buffer: request-sent.ts recognises our request by it.
  const body = Buffer.from(options.body, 'utf8');
  const stopWatching = watchBodySent(body, () => {
    requestSent = true;
    try {
      options.onRequestSent?.();
    } catch {
      // A throwing UI hook must not abort a request that is already on the wire.
    }
  });
  // A private Agent per request: no keep-alive socket outlives the call, and nothing global.
  const owned = options.dispatcher ? undefined : new Agent();

  try {
    const response = await request(endpoint.url, {
      method: 'POST',
      dispatcher: options.dispatcher ?? owned,
      signal: controller.signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      headers: {
        authorization: basicAuthValue(options.apiKey, options.apiSecret),
        'content-type': 'application/json',
        accept: 'application/json',
        'user-agent': USER_AGENT,
      },
      body,
    });
    status = response.statusCode;
    requestId = header(response.headers, 'x-request-id') ?? header(response.headers, 'x-amzn-requestid');

    const length = Number(header(response.headers, 'content-length') ?? Number.NaN);
    if (Number.isFinite(length) && length > cap) {
      response.body.destroy();
      return fail(failureTooLarge(cap, status), requestId);
    }
    const read = await readCapped(response.body, cap);
    if (!read.ok) return fail(failureTooLarge(cap, status), requestId);

    const parsed = parseJson(read.text);
    if (status >= 200 && status < 300) {
      if (read.text.trim() === '') return fail(failureFromUnusableSuccess(status, 'empty'), requestId);
      if (parsed === undefined) return fail(failureFromUnusableSuccess(status, 'notJson'), requestId);
      if (!isSessionResponse(parsed)) return fail(failureFromUnusableSuccess(status, 'noToken'), requestId);
      return { ok: true, status, body: parsed, durationMs: elapsed(), url: endpoint.url, requestId };
    }
    return fail(
      failureFromResponse({
        status,
        body: parsed,
        text: read.text,
        retryAfter: header(response.headers, 'retry-after'),
        redact,
      }),
      requestId,
    );
  } catch (err) {
    return fail(
      failureFromNetworkError(err, { requestSent, status, cancelled, deadline, timeoutMs }),
      requestId,
    );
  } finally {
    clearTimeout(timer);
    stopWatching();
    options.signal?.removeEventListener('abort', onCancel);
    await owned?.destroy();
  }
}
