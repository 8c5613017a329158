/**
 * The one request path to iDenfy: every endpoint (Create Session, status, full result, delete, PDF,
 * the identifications list) goes through idenfyRequest, which builds the URL (idenfy-urls.ts), sends
 * with basic auth under one deadline and the user's Cancel, reads a capped body, maps every failure
 * (status-failures.ts, network-failures.ts), redacts, and writes at most one log line. Never retries:
 * a lost answer to a POST may hide a billable session or a deletion, and that is the user's call.
 * Never throws: every outcome is an IdenfyResult.
 */
import { performance } from 'node:perf_hooks';
import { Agent, type Dispatcher, request } from 'undici';
import type { IdenfyFailure } from './errors';
import { type IdenfyEndpoint, idenfyUrl } from './idenfy-urls';
import { failureFromNetworkError } from './network-failures';
import type { Operation } from './operation';
import { basicAuthValue, formatLogLine, redactSecret } from './redact';
import { watchBodySent } from './request-sent';
import { failureBaseUrl, failureFromResponse, failureTooLarge } from './status-failures';

const DEFAULT_TIMEOUT_MS = 30_000;
/** iDenfy's answers are a few KiB; anything near this is not iDenfy and must not fill memory. */
const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
const USER_AGENT = `idenfy-session-tools (node/${process.versions.node})`;

/** Where and how to send: the same for every endpoint. */
export interface Connection {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  /** Used for the headers timeout, the body timeout and the overall deadline. */
  timeoutMs?: number;
  /** The UI's Cancel. */
  signal?: AbortSignal;
  /** e.g. from dispatcherFor(); the caller owns it and closes it. A private Agent otherwise. */
  dispatcher?: Dispatcher;
  maxResponseBytes?: number;
  /** Called once a POST body has been written: from then on iDenfy may have acted on it. */
  onRequestSent?: () => void;
  /** Receives the request's one log line (redacted), unless the base URL was refused before any request. */
  log?: (line: string) => void;
}

/** How one endpoint is asked and how its 2xx answer is read. */
export interface Call<T> {
  endpoint: IdenfyEndpoint;
  operation: Operation;
  query?: Record<string, string>;
  /** The exact bytes of a POST's JSON body; absent for a GET. */
  body?: string;
  /** Reads a 2xx answer: the endpoint's value, or the failure that says what is wrong with it. */
  accept: (answer: { status: number; text: string; json: unknown }) => Accepted<T>;
  /** The scanRef to name in the log line of a success. */
  scanRefOf?: (value: T) => string | undefined;
}

export type Accepted<T> = { ok: true; value: T } | { ok: false; failure: IdenfyFailure };

/** The outcome of one request. `url` is the URL actually requested (absent when the base URL was refused). */
export type IdenfyResult<T> =
  | { ok: true; status: number; body: T; durationMs: number; url: URL; requestId?: string }
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

/** Sends one request and, when a log is given, writes its one line. */
export async function idenfyRequest<T>(connection: Connection, call: Call<T>): Promise<IdenfyResult<T>> {
  const result = await perform(connection, call);
  if (connection.log && result.url) {
    const common = {
      method: call.operation.method,
      url: result.url,
      durationMs: result.durationMs,
      requestId: result.requestId,
    };
    const line = result.ok
      ? formatLogLine({
          ...common,
          status: result.status,
          scanRef: call.scanRefOf?.(result.body) ?? call.operation.scanRef,
        })
      : formatLogLine({
          ...common,
          status: result.failure.status,
          scanRef: call.operation.scanRef,
          identifier: result.failure.identifier,
          cause: result.failure.code ?? result.failure.cause,
          serverText: result.failure.serverText,
        });
    connection.log(redactSecret(line, connection));
  }
  return result;
}

async function perform<T>(options: Connection, call: Call<T>): Promise<IdenfyResult<T>> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const credentials = { apiKey: options.apiKey, apiSecret: options.apiSecret };
  const redact = (text: string) => redactSecret(text, credentials);
  const { operation } = call;

  const endpoint = idenfyUrl(options.baseUrl, call.endpoint, call.query);
  const url = endpoint.ok ? endpoint.url : undefined;
  // Messages can quote server text; the secret must not reach the UI or the log through them.
  const fail = (failure: IdenfyFailure, requestId?: string): IdenfyResult<T> => ({
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
    return fail(failureFromNetworkError(undefined, { requestSent: false, cancelled: true }, operation));

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
  // This call's own Buffer: request-sent.ts recognises our request by it. A GET has no body to
  // recognise, and needs none: reads leave nothing unknown (network-failures.ts).
  const body = call.body === undefined ? undefined : Buffer.from(call.body, 'utf8');
  const stopWatching = body
    ? watchBodySent(body, () => {
        requestSent = true;
        try {
          options.onRequestSent?.();
        } catch {
          // A throwing UI hook must not abort a request that is already on the wire.
        }
      })
    : () => {};
  // A private Agent per request: no keep-alive socket outlives the call, and nothing global.
  const owned = options.dispatcher ? undefined : new Agent();

  try {
    const response = await request(endpoint.url, {
      method: operation.method,
      dispatcher: options.dispatcher ?? owned,
      signal: controller.signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      headers: {
        authorization: basicAuthValue(options.apiKey, options.apiSecret),
        ...(body ? { 'content-type': 'application/json' } : {}),
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
      return fail(failureTooLarge(cap, status, operation), requestId);
    }
    const read = await readCapped(response.body, cap);
    if (!read.ok) return fail(failureTooLarge(cap, status, operation), requestId);

    const json = parseJson(read.text);
    if (status >= 200 && status < 300) {
      const accepted = call.accept({ status, text: read.text, json });
      if (!accepted.ok) return fail(accepted.failure, requestId);
      return { ok: true, status, body: accepted.value, durationMs: elapsed(), url: endpoint.url, requestId };
    }
    return fail(
      failureFromResponse(
        { status, body: json, text: read.text, retryAfter: header(response.headers, 'retry-after'), redact },
        operation,
      ),
      requestId,
    );
  } catch (err) {
    return fail(
      failureFromNetworkError(err, { requestSent, status, cancelled, deadline, timeoutMs }, operation),
      requestId,
    );
  } finally {
    clearTimeout(timer);
    stopWatching();
    options.signal?.removeEventListener('abort', onCancel);
    await owned?.destroy();
  }
}
