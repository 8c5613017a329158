/**
 * Requests for a session after it was created (status, full result, deletion, PDF, the client's
 * verifications), without any UI: the editor calls requestForSession with a history entry and the
 * credentials it holds for that entry's target. Requests for a session go where the session was
 * made, with the key that made it: the entry's base URL is used, never the current setting, so an
 * emulator session is never asked of iDenfy nor the other way round; and when the current key is not
 * the one whose fingerprint the entry holds (changed, removed, or a restarted emulator's new key), the
 * request is refused before anything is sent, saying why.
 */
import { credentialFingerprint } from '../http/credential-fingerprint';
import type { IdenfyFailure } from '../http/errors';
import type { Credentials } from '../http/redact';
import type { Connection, IdenfyResult } from '../http/request';
import {
  checkStatus,
  type DeleteAnswer,
  deletePersonalData,
  type FullAnswer,
  fetchFullResult,
  generatePdf,
  type IdentificationsPage,
  listIdentifications,
  type PdfAnswer,
  type PdfLanguage,
  type StatusAnswer,
} from '../http/verification-client';

/** What the request needs of a history entry (a HistoryEntry fits). */
export interface SessionRef {
  scanRef: string;
  clientId: string;
  target: 'idenfy' | 'emulator';
  baseUrl: string;
  credentialFingerprint?: string;
}

/** The one request to make, by name. */
export type LifecycleRequest =
  | { kind: 'status' }
  | { kind: 'full' }
  | { kind: 'delete' }
  | { kind: 'pdf'; language: PdfLanguage }
  | { kind: 'identifications'; page?: number; perPage?: number };

interface Answers {
  status: StatusAnswer;
  full: FullAnswer;
  delete: DeleteAnswer;
  pdf: PdfAnswer;
  identifications: IdentificationsPage;
}

export type LifecycleKind = LifecycleRequest['kind'];
export type LifecycleResult<K extends LifecycleKind> = IdenfyResult<Answers[K]>;

export interface LifecycleInput<K extends LifecycleKind> {
  entry: SessionRef;
  request: Extract<LifecycleRequest, { kind: K }>;
  /** The credentials held now for the entry's target; undefined when there are none. */
  credentials: Credentials | undefined;
  timeoutMs: number;
  signal?: AbortSignal;
  /** e.g. from dispatcherFor(entry.baseUrl); the caller owns it and closes it. */
  dispatcher?: Connection['dispatcher'];
  /** One line per request sent, already free of secrets and personal data. */
  log: (line: string) => void;
}

const TARGET_NAME = { idenfy: 'iDenfy', emulator: 'the emulator' } as const;

/**
 * The credentials to send with for this session, or the failure that says why nothing may be sent.
 * An entry from before fingerprints were kept has nothing to compare: it is sent, and a key that does
 * not own the session gets iDenfy's own not-found answer.
 */
function credentialsForSession(
  entry: SessionRef,
  credentials: Credentials | undefined,
): { ok: true; credentials: Credentials } | { ok: false; failure: IdenfyFailure } {
  const where = TARGET_NAME[entry.target];
  const base = { code: 'NOT_SENT', outcomeUnknown: false, action: 'setCredentials' as const };
  if (!credentials || credentials.apiKey === '' || credentials.apiSecret === '') {
    const message =
      entry.target === 'emulator'
        ? `The emulator that created session ${entry.scanRef} is not running, so nothing was sent: its sessions are gone with it.`
        : `No API key and secret are set for ${where}, so nothing was sent for session ${entry.scanRef}: set the credentials that created it.`;
    return { ok: false, failure: { ...base, cause: 'credentialsMissing', message } };
  }
  if (
    entry.credentialFingerprint !== undefined &&
    credentialFingerprint(credentials.apiKey) !== entry.credentialFingerprint
  ) {
    const message =
      entry.target === 'emulator'
        ? `Session ${entry.scanRef} was created by an earlier run of the emulator, so nothing was sent: the emulator keeps sessions in memory only, and they ended with that run.`
        : `The API key for ${where} has changed since session ${entry.scanRef} was created, so nothing was sent: set the key that created it to ask iDenfy about it.`;
    return { ok: false, failure: { ...base, cause: 'credentialsChanged', message } };
  }
  return { ok: true, credentials };
}

/** Performs the one request; never throws, never retries, refuses (without sending) as described above. */
export async function requestForSession<K extends LifecycleKind>(
  input: LifecycleInput<K>,
): Promise<LifecycleResult<K>> {
  const { entry, request } = input;
  const checked = credentialsForSession(entry, input.credentials);
  if (!checked.ok) return { ok: false, failure: checked.failure, durationMs: 0 };
  const { apiKey, apiSecret } = checked.credentials;
  const connection: Connection = {
    // The entry's base URL, never the current setting: the session lives where it was created.
    baseUrl: entry.baseUrl,
    apiKey,
    apiSecret,
    timeoutMs: input.timeoutMs,
    signal: input.signal,
    dispatcher: input.dispatcher,
    log: input.log,
  };
  return (await send(connection, entry, request)) as LifecycleResult<K>;
}

function send(
  connection: Connection,
  entry: SessionRef,
  request: LifecycleRequest,
): Promise<IdenfyResult<Answers[LifecycleKind]>> {
  switch (request.kind) {
    case 'status':
      return checkStatus(connection, entry.scanRef);
    case 'full':
      return fetchFullResult(connection, entry.scanRef);
    case 'delete':
      return deletePersonalData(connection, entry.scanRef);
    case 'pdf':
      return generatePdf(connection, entry.scanRef, request.language);
    case 'identifications':
      return listIdentifications(connection, entry.clientId, {
        page: request.page,
        perPage: request.perPage,
      });
  }
}
