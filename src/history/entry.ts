import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { isPlainObject } from '../util/is-plain-object';

/** iDenfy's documented default when the request has no expiryTime. */
export const DEFAULT_EXPIRY_SECONDS = 86_400;

/** One created verification session. Never holds the API key or secret (see secrets.ts). */
export interface HistoryEntry {
  id: string;
  clientId: string;
  scanRef: string;
  authToken: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601: createdAt + the response's expiryTime (seconds), default 86400. */
  expiresAt: string;
  target: 'idenfy' | 'emulator';
  baseUrl: string;
  redirectUrl?: string;
  /**
   * credentialFingerprint() of the API key that created the session (never the key itself): later
   * requests for the session are refused when the current key's differs. Absent in older entries.
   */
  credentialFingerprint?: string;
  /** The name of the credential profile that created the session (never its secrets). */
  profile?: string;
  /**
   * The last overall status iDenfy reported for the session (Check Status and the other lifecycle
   * commands), and when: only the status word, never result data, photos or PDF bytes.
   */
  status?: SessionStatus;
  /** The full response body, kept so the user can inspect it later. */
  response: Record<string, unknown>;
}

export interface SessionStatus {
  /** iDenfy's overall status, e.g. APPROVED, DENIED, DELETED. */
  overall: string;
  /** ISO 8601: when it was last asked (or learnt). */
  checkedAt: string;
}

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

/**
 * Used both for stored data (which may be damaged) and for record(), where dropping unknown keys
 * also keeps stray fields such as an `apiKey` someone spread into the entry out of storage.
 */
export const historyEntrySchema = z.object({
  id: z.string().min(1),
  clientId: z.string(),
  scanRef: z.string(),
  authToken: z.string(),
  createdAt: isoDate,
  expiresAt: isoDate,
  target: z.enum(['idenfy', 'emulator']),
  baseUrl: z.string(),
  redirectUrl: z.string().optional(),
  credentialFingerprint: z.string().optional(),
  profile: z.string().optional(),
  status: z.object({ overall: z.string().min(1).max(40), checkedAt: isoDate }).optional(),
  // Any JSON object: a record schema would re-check every key of the response for nothing.
  response: z.custom<Record<string, unknown>>(isPlainObject, 'not an object'),
});

export interface NewEntryInput {
  response: Record<string, unknown>;
  target: 'idenfy' | 'emulator';
  baseUrl: string;
  redirectUrl?: string;
  /** credentialFingerprint() of the API key used to create the session. */
  credentialFingerprint?: string;
  /** The clientId of the request that was sent: used when the response has no string clientId. */
  clientId?: string;
  /** Injected so tests and callers get a deterministic createdAt. */
  now?: Date;
  id?: string;
}

/** Entries made by createHistoryEntry, unchanged since (they are sealed): their shape needs no re-check. */
const built = new WeakSet<HistoryEntry>();

export function isBuiltEntry(entry: HistoryEntry): boolean {
  return built.has(entry);
}

/**
 * Builds an entry from a successful "create session" response; throws only if the response lacks
 * authToken or scanRef. A missing or null clientId (the OpenAPI allows null) is taken from the request.
 */
export function createHistoryEntry(input: NewEntryInput): HistoryEntry {
  const entry = buildEntry(input);
  // Sealed: no field can be added, removed or retyped behind the brand (the response stays open).
  built.add(Object.freeze(entry));
  return entry;
}

function buildEntry(input: NewEntryInput): HistoryEntry {
  const { response } = input;
  const created = input.now ?? new Date();
  const expiry = response.expiryTime;
  const seconds =
    typeof expiry === 'number' && Number.isFinite(expiry) && expiry > 0 ? expiry : DEFAULT_EXPIRY_SECONDS;
  return {
    id: input.id ?? randomUUID(),
    clientId:
      typeof response.clientId === 'string' && response.clientId !== ''
        ? response.clientId
        : (input.clientId ?? ''),
    scanRef: requiredString(response, 'scanRef'),
    authToken: requiredString(response, 'authToken'),
    createdAt: created.toISOString(),
    expiresAt: new Date(created.getTime() + seconds * 1000).toISOString(),
    target: input.target,
    baseUrl: input.baseUrl,
    ...(input.redirectUrl === undefined ? {} : { redirectUrl: input.redirectUrl }),
    ...(input.credentialFingerprint === undefined
      ? {}
      : { credentialFingerprint: input.credentialFingerprint }),
    response,
  };
}

function requiredString(response: Record<string, unknown>, field: string): string {
  const value = response[field];
  if (typeof value !== 'string' || value === '') {
    throw new Error(`The response has no "${field}", so the session cannot be added to the history.`);
  }
  return value;
}

/** A session whose expiry cannot be read is treated as expired, so its link is never offered. */
export function isExpired(entry: HistoryEntry, now: Date | number = Date.now()): boolean {
  const expires = Date.parse(entry.expiresAt);
  const at = typeof now === 'number' ? now : now.getTime();
  return Number.isNaN(expires) || expires <= at;
}
