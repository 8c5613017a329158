/**
 * The send path of "Create Session" without any UI: POST the prepared bytes, then record a 2xx in
 * the history before anything else happens, so a later failure (a UI step, a crash) loses nothing.
 */
import type { Dispatcher } from 'undici';
import { createHistoryEntry, type HistoryEntry, type HistoryStore } from '../history/store';
import { createSession } from '../http/client';
import { credentialFingerprint } from '../http/credential-fingerprint';
import type { IdenfyFailure } from '../http/errors';
import { formatLogLine, redactSecret } from '../http/redact';

export interface Target {
  kind: 'idenfy' | 'emulator';
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  /** The credential profile sending (iDenfy targets): its id and name go into the history entry. */
  profile?: { id: string; name: string; live: boolean };
}

export interface SendOptions {
  body: string;
  target: Target;
  /** Only record() is used: the entry is saved before the caller sees the outcome. */
  history: Pick<HistoryStore, 'record'>;
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

/** The clientId of the body that was sent: the history falls back on it when the answer lacks one. */
function sentClientId(body: string): string | undefined {
  try {
    const value = (JSON.parse(body) as { clientId?: unknown } | null)?.clientId;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

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
  // No line for a base URL refused before any request: the failure message says it all.
  if (result.url) {
    const common = {
      method: 'POST',
      url: result.url,
      durationMs: result.durationMs,
      requestId: result.requestId,
    };
    const line = result.ok
      ? formatLogLine({ ...common, status: result.status, scanRef: result.body.scanRef })
      : formatLogLine({
          ...common,
          status: result.failure.status,
          identifier: result.failure.identifier,
          cause: result.failure.code ?? result.failure.cause,
          serverText: result.failure.serverText,
        });
    options.log(redactSecret(line, target));
  }
  if (!result.ok) return { ok: false, failure: result.failure };

  const response = result.body as Record<string, unknown>;
  const redirectUrl = typeof response.redirectUrl === 'string' ? response.redirectUrl : undefined;
  // The client only reports ok with both ids, which is all createHistoryEntry requires.
  const entry = createHistoryEntry({
    response,
    target: target.kind,
    baseUrl: target.baseUrl,
    redirectUrl,
    clientId: sentClientId(options.body),
    // Later requests for this session check that they use the key that created it (lifecycle.ts).
    credentialFingerprint: credentialFingerprint(target.apiKey),
    // Later requests for the session use this profile, even after switching (session-commands.ts).
    ...(target.profile ? { sentWith: { id: target.profile.id, name: target.profile.name } } : {}),
  });
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
