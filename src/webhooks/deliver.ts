/**
 * One signed webhook call, as iDenfy makes it: POST the exact bytes with Content-Type
 * application/json, Idenfy-Event-Type and Idenfy-Signature (signature.ts). Used by the emulator when
 * a session finishes and by the editor's Send Webhook / Resend.
 *
 * Exactly one attempt: a retry is the user's call (Resend), as iDenfy's dashboard resend is.
 * Bounded: one deadline (iDenfy's 10 s by default) covers connecting, sending, the answer's head and
 * reading its start, so a receiver that never answers, never reads, or streams forever cannot hold
 * it; only the first bytes of the answer are read. Never throws: every outcome is a WebhookDelivery,
 * status null with the reason in plain words when no answer came. The signing key is removed from
 * every string of the record here, at the boundary, whatever the receiver or the network said.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { errorCode } from '../http/network-failures';
import type { WebhookDelivery } from './delivery';
import { EVENT_TYPE_HEADER, SIGNATURE_HEADER, signWebhook } from './signature';
import { checkWebhookTarget } from './target-url';

/** iDenfy waits 10 s for a 2xx (its webhook notes). */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Bytes of the answer read at most: enough for its first lines; the rest is not waited for. */
const MAX_ANSWER_BYTES = 16 * 1024;
const ANSWER_HEAD_LINES = 5;
const ANSWER_HEAD_CHARS = 500;
const REDACTED = '[redacted]';
/** A header value must be a token; anything else would be refused by undici with an obscure error. */
const EVENT_TYPE = /^[A-Za-z0-9_.-]{1,100}$/;

export interface DeliverOptions {
  url: string;
  /** The exact bytes to send and sign. */
  body: Uint8Array;
  signingKey: string;
  /** The Idenfy-Event-Type header (event-types.ts). */
  eventType: string;
  source: WebhookDelivery['source'];
  timeoutMs?: number;
  /** Wall clock for the record's `at` (default Date.now). */
  now?: () => number;
  /** Ends the call early (the emulator stopping): recorded as cancelled. */
  signal?: AbortSignal;
}

/** Every spelling in which the key could come back in a string: raw, JSON-escaped, URL-encoded. */
function redactor(signingKey: string): (text: string) => string {
  const forms = [signingKey, JSON.stringify(signingKey).slice(1, -1), encodeURIComponent(signingKey)]
    .filter((f) => f.length > 0)
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  };
}

/** The payload's own `final`, when it is a JSON object that says. */
function finalOf(body: Uint8Array): boolean | undefined {
  try {
    const value = JSON.parse(Buffer.from(body).toString('utf8')) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const final = (value as { final?: unknown }).final;
      return typeof final === 'boolean' ? final : undefined;
    }
  } catch {}
  return undefined;
}

const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_|HOSTNAME_MISMATCH|ERR_TLS|ERR_SSL|EPROTO/;

/** Why no (complete) answer came, in the words a user acts on. */
function networkMessage(
  err: unknown,
  url: URL,
  timedOut: boolean,
  timeoutMs: number,
  status?: number,
  cancelled = false,
): string {
  if (cancelled) return 'Cancelled before the receiver answered (the sender stopped).';
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  if (timedOut)
    return status === undefined
      ? `No answer within ${seconds}: iDenfy gives up after 10 s and counts the webhook as failed. Answer 2xx first, then do the slow work.`
      : `The answer (HTTP ${status}) did not finish within ${seconds}: iDenfy gives up after 10 s. Answer quickly, then do the slow work.`;
  const code = errorCode(err);
  const where = url.host;
  if (code === 'ECONNREFUSED')
    return `Connection refused at ${where}: is your webhook handler running on that port?`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `The host name ${url.hostname} could not be resolved.`;
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED')
    return `The receiver at ${where} closed the connection without a complete answer (${code}).`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return `${where} cannot be reached from this machine (${code}).`;
  if (code && TLS_CODE.test(code))
    return `The receiver's TLS certificate was not accepted (${code}): iDenfy only calls endpoints with a valid certificate.`;
  const text = err instanceof Error ? err.message : String(err);
  return `The webhook could not be sent: ${text}${code ? ` (${code})` : ''}.`;
}

/** What a non-2xx answer means for the integrator. */
function statusMessage(status: number, location: string | undefined): string | undefined {
  if (status >= 200 && status < 300) return undefined;
  if (status >= 300 && status < 400)
    return `HTTP ${status}: a redirect${location ? ` to ${location.slice(0, 200)}` : ''}, not followed. iDenfy needs a 2xx from the URL itself, so it would count the webhook as failed.`;
  return `HTTP ${status}: not a 2xx answer, so iDenfy would count the webhook as failed (the client is sent to the error URL).`;
}

/** Control characters other than newline and tab: an answer must not repaint the terminal or the log. */
function printable(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '\n' || ch === '\t' || (code >= 0x20 && code !== 0x7f)) out += ch;
  }
  return out;
}

/** The first lines of an answer, for reading: at most 5 lines and 500 characters. */
function headOf(bytes: Buffer, truncated: boolean): string | undefined {
  const lines = printable(bytes.toString('utf8').replace(/\r\n?/g, '\n')).split('\n');
  let head = lines.slice(0, ANSWER_HEAD_LINES).join('\n');
  const cut = truncated || lines.length > ANSWER_HEAD_LINES || head.length > ANSWER_HEAD_CHARS;
  head = head.slice(0, ANSWER_HEAD_CHARS).trimEnd();
  if (head === '') return undefined;
  return cut ? `${head}…` : head;
}

/** Sends one webhook; resolves (never rejects) with its record once the answer's start was read or the call failed. */
export async function deliverWebhook(options: DeliverOptions): Promise<WebhookDelivery> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const redact = redactor(options.signingKey);
  const body = Buffer.from(options.body.buffer, options.body.byteOffset, options.body.byteLength);
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const base: WebhookDelivery = {
    at: new Date((options.now ?? Date.now)()).toISOString(),
    event: redact(options.eventType),
    url: redact(options.url),
    status: null,
    durationMs: 0,
    payloadSha256: createHash('sha256').update(body).digest('hex'),
    source: options.source,
  };
  const final = finalOf(body);
  if (final !== undefined) base.final = final;
  const done = (fields: Partial<WebhookDelivery>): WebhookDelivery => {
    const record: WebhookDelivery = { ...base, ...fields, durationMs: elapsed() };
    if (record.error !== undefined) record.error = redact(record.error);
    if (record.answerHead !== undefined) record.answerHead = redact(record.answerHead);
    return record;
  };

  const target = checkWebhookTarget(options.url);
  if (!target.ok) return done({ error: target.message });
  if (!EVENT_TYPE.test(options.eventType))
    return done({ error: 'The event type must be a name such as IDENTIFICATION_AUTO_FINISHED.' });
  if (options.signingKey === '') return done({ error: 'No signing key: the webhook would be unsigned.' });
  if (options.signal?.aborted)
    return done({ error: networkMessage(undefined, target.url, false, 0, undefined, true) });

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('Deadline exceeded', 'TimeoutError'));
  }, timeoutMs);
  let cancelled = false;
  const onCancel = () => {
    cancelled = true;
    controller.abort(options.signal?.reason);
  };
  options.signal?.addEventListener('abort', onCancel, { once: true });
  // A private Agent per call, destroyed afterwards: no socket outlives the delivery, nothing global.
  const agent = new Agent({ connect: { timeout: timeoutMs } });
  let status: number | undefined;
  try {
    const response = await request(target.url, {
      method: 'POST',
      dispatcher: agent,
      signal: controller.signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      // Redirects are not followed (undici's default): iDenfy needs a 2xx from the URL itself.
      headers: {
        'content-type': 'application/json',
        [EVENT_TYPE_HEADER]: options.eventType,
        [SIGNATURE_HEADER]: signWebhook(body, options.signingKey),
        'user-agent': 'idenfy-session-tools webhook',
      },
      body,
    });
    status = response.statusCode;
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    for await (const chunk of response.body) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= MAX_ANSWER_BYTES) {
        // Enough to show its start; an endless answer must not hold the delivery.
        truncated = true;
        response.body.destroy();
        break;
      }
    }
    const location = response.headers.location;
    const answerHead = headOf(Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES), truncated);
    const error = statusMessage(status, Array.isArray(location) ? location[0] : location);
    return done({
      status,
      ...(answerHead === undefined ? {} : { answerHead }),
      ...(error === undefined ? {} : { error }),
    });
  } catch (err) {
    return done({
      status: status ?? null,
      error: networkMessage(err, target.url, timedOut, timeoutMs, status, cancelled && !timedOut),
    });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
    await agent.destroy().catch(() => {});
  }
}
