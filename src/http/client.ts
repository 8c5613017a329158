import { performance } from 'node:perf_hooks';
import * as z from 'zod';
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

/** Lenient on purpose: iDenfy adds fields over time, and they are shown to the user as they are. */
const sessionResponseSchema = z.looseObject({
  authToken: z.string().min(1),
  scanRef: z.string().min(1),
});

export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export type CreateSessionResult =
  | { ok: true; status: number; body: SessionResponse; durationMs: number; requestId?: string }
  | { ok: false; failure: IdenfyFailure; durationMs: number; requestId?: string };

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
  // Messages can quote server text; the secret must not reach the UI through it.
  const fail = (failure: IdenfyFailure, requestId?: string): CreateSessionResult => ({
    ok: false,
    failure: { ...failure, message: redactSecret(failure.message, credentials) },
    durationMs: elapsed(),
    requestId,
  });

  const checked = checkBaseUrl(options.baseUrl);
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
    const response = await request(tokenEndpoint(checked.url), {
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

    const declared = Number(header(response.headers, 'content-length'));
    if (Number.isFinite(declared) && declared > cap) {
      response.body.destroy();
      return fail(failureTooLarge(cap, status), requestId);
    }
    const read = await readCapped(response.body, cap);
    if (!read.ok) return fail(failureTooLarge(cap, status), requestId);

    const parsed = parseJson(read.text);
    if (status >= 200 && status < 300) {
      if (read.text.trim() === '') return fail(failureFromUnusableSuccess(status, 'empty'), requestId);
      if (parsed === undefined) return fail(failureFromUnusableSuccess(status, 'notJson'), requestId);
      const session = sessionResponseSchema.safeParse(parsed);
      if (!session.success) return fail(failureFromUnusableSuccess(status, 'noToken'), requestId);
      return { ok: true, status, body: session.data, durationMs: elapsed(), requestId };
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
    await owned?.destroy();
  }
}

// The editor layer needs these alongside createSession; re-exported so it has one import.
export { checkBaseUrl } from './base-url';
export { dispatcherFor } from './dispatcher';
export type { IdenfyFailure } from './errors';
