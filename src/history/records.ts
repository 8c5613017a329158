/**
 * How the history is laid out in storage: one immutable record per recorded session, named so that
 * the name alone gives its order and identity. Every change is then one atomic step of the storage
 * (create a record, delete records), which any number of processes can take at the same time without
 * losing or bringing back each other's entries: nobody rewrites what another process wrote.
 *
 * Name: `<stamp>-<id hash>-<scanRef hash>`. The stamp (16 digits, larger = recorded later) orders the
 * history; recording an id again creates a newer record, and the older one is then superseded. The
 * hashes let a process find every record of an id or a scanRef from the names alone (a directory
 * listing), without reading them, and keep user-chosen text out of file names.
 */
import { createHash } from 'node:crypto';
import { type HistoryEntry, historyEntrySchema } from './entry.js';
import { HISTORY_FORMAT_VERSION, type StoredProblem } from './load.js';

const NAME = /^(\d{16})-([0-9a-f]{16})-([0-9a-f]{16})$/;

export interface RecordName {
  name: string;
  stamp: number;
  idHash: string;
  scanRefHash: string;
}

export function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function recordName(stamp: number, entry: Pick<HistoryEntry, 'id' | 'scanRef'>): RecordName {
  const idHash = hashOf(entry.id);
  const scanRefHash = hashOf(entry.scanRef);
  return { name: `${String(stamp).padStart(16, '0')}-${idHash}-${scanRefHash}`, stamp, idHash, scanRefHash };
}

/** Undefined for a name this release did not write (left alone, except by Clear). */
export function parseRecordName(name: string): RecordName | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  return { name, stamp: Number(m[1]), idHash: m[2] as string, scanRefHash: m[3] as string };
}

/** What a record holds. */
export function recordValue(entry: HistoryEntry): unknown {
  return { version: HISTORY_FORMAT_VERSION, entry };
}

/**
 * The entry of a record, or why it cannot be used (the record is then set aside, never dropped).
 * A record whose entry does not match its name is damaged too: the name is what removal goes by.
 */
export function readRecord(value: unknown, name: RecordName): { entry: HistoryEntry } | StoredProblem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'corrupt', droppedEntries: 1, detail: 'a saved session is not a JSON object' };
  }
  const record = value as { version?: unknown; entry?: unknown };
  if (record.version !== HISTORY_FORMAT_VERSION) {
    return typeof record.version === 'number'
      ? {
          kind: 'unsupported_version',
          droppedEntries: 1,
          detail: `a saved session uses format version ${record.version}`,
        }
      : { kind: 'corrupt', droppedEntries: 1, detail: 'a saved session has no format version' };
  }
  const parsed = historyEntrySchema.safeParse(record.entry);
  if (!parsed.success) {
    return { kind: 'invalid_entries', droppedEntries: 1, detail: 'a saved session is damaged' };
  }
  if (hashOf(parsed.data.id) !== name.idHash || hashOf(parsed.data.scanRef) !== name.scanRefHash) {
    return { kind: 'corrupt', droppedEntries: 1, detail: 'a saved session is stored under another name' };
  }
  return { entry: parsed.data };
}
