/**
 * The send path of "Create Session" without any UI: POST the prepared bytes, then record a 2xx in
 * the history before anything else happens, so a later failure (a UI step, a crash) loses nothing.
 */
import type { Dispatcher } from 'undici';
import { createHistoryEntry, type HistoryEntry, type HistoryStore } from '../history/store';
import { createSession } from '../http/client';
import type { IdenfyFailure } from '../http/errors';
import { formatLogLine, redactSecret } from '../http/redact';

export interface Target {
  kind: 'idenfy' | 'emulator';
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
}

export interface SendOptions {
  body: string;
  target: Target;
  history: HistoryStore;
  timeoutMs: number;
  signal?: AbortSignal;
  dispatcher?: Dispatcher;
  /** One line per request, already free of secrets and personal data. */
  log: (line: string) => void;
}

export type SendOutcome =
  | {
      ok: true;
      entry: HistoryEntry;
      response: Record<string, unknown>;
      /** Set when the session was created but could not be saved: the UI must still show it. */
      historyError?: string;
    }
  | { ok: false; failure: IdenfyFailure };

export async function sendRequest(options: SendOptions): Promise<SendOutcome> {
  const { target } = options;
  const result = await createSession({
    baseUrl: target.baseUrl,
    apiKey: target.apiKey,
    apiSecret: target.apiSecret,
    body: options.body,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    dispatcher: options.dispatcher,
  });
  const url = `${target.baseUrl.replace(/\/+$/, '')}/api/v2/token`;
  const line = result.ok
    ? formatLogLine({
        method: 'POST',
        url,
        status: result.status,
        durationMs: result.durationMs,
        scanRef: result.body.scanRef,
      })
    : formatLogLine({
        method: 'POST',
        url,
        status: result.failure.status,
        durationMs: result.durationMs,
        cause: result.failure.code ?? result.failure.cause,
      });
  options.log(redactSecret(line, target));
  if (!result.ok) return { ok: false, failure: result.failure };

  const response = result.body as Record<string, unknown>;
  const redirectUrl = typeof response.redirectUrl === 'string' ? response.redirectUrl : undefined;
  const entry = createHistoryEntry({ response, target: target.kind, baseUrl: target.baseUrl, redirectUrl });
  try {
    // Handed over: the response was parsed for this call alone, so the history keeps it without a copy.
    const saved = await options.history.record(entry, {
      forbidden: [target.apiKey, target.apiSecret],
      handOver: true,
    });
    return { ok: true, entry: saved, response: saved.response };
  } catch (err) {
    // The session exists on iDenfy's side whatever happened here: never turn it into a failure.
    return { ok: true, entry, response, historyError: err instanceof Error ? err.message : String(err) };
  }
}
