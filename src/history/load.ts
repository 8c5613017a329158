import { type HistoryEntry, historyEntrySchema } from './entry.js';

export const HISTORY_FORMAT_VERSION = 1;

export type HistoryWarningKind = 'corrupt' | 'unsupported_version' | 'invalid_entries';

/** Something in storage could not be used; the original value was copied to `movedTo`. */
export interface HistoryWarning {
  kind: HistoryWarningKind;
  message: string;
  /** Storage key now holding the original value, untouched. */
  movedTo: string;
  /** How many stored entries are not in the history any more (all of them unless kind is invalid_entries). */
  droppedEntries: number;
}

export interface StoredRead {
  entries: HistoryEntry[];
  /** Set when the stored value must be copied aside before it is overwritten. */
  problem?: { kind: HistoryWarningKind; droppedEntries: number; detail: string };
}

/** Classifies whatever is in storage; never throws, whatever the value. */
export function readStored(raw: unknown): StoredRead {
  if (raw === undefined) return { entries: [] };
  if (!isPlainObject(raw)) {
    return { entries: [], problem: { kind: 'corrupt', droppedEntries: 0, detail: 'it is not an object' } };
  }
  const entriesRaw = raw.entries;
  const count = Array.isArray(entriesRaw) ? entriesRaw.length : 0;
  if (raw.version !== HISTORY_FORMAT_VERSION) {
    // A numeric version from another release (older, or newer after a downgrade) is kept intact for
    // a later release to read, rather than guessed at.
    const kind = typeof raw.version === 'number' ? 'unsupported_version' : 'corrupt';
    const detail = kind === 'corrupt' ? 'it has no format version' : `it uses format version ${raw.version}`;
    return { entries: [], problem: { kind, droppedEntries: count, detail } };
  }
  if (!Array.isArray(entriesRaw)) {
    return {
      entries: [],
      problem: { kind: 'corrupt', droppedEntries: 0, detail: 'its entry list is missing' },
    };
  }
  const entries: HistoryEntry[] = [];
  for (const item of entriesRaw) {
    const parsed = historyEntrySchema.safeParse(item);
    if (parsed.success) entries.push(parsed.data);
  }
  const dropped = entriesRaw.length - entries.length;
  if (dropped === 0) return { entries };
  const detail = `${dropped} of its ${entriesRaw.length} entries are damaged`;
  return { entries, problem: { kind: 'invalid_entries', droppedEntries: dropped, detail } };
}

export function warningFor(problem: NonNullable<StoredRead['problem']>, movedTo: string): HistoryWarning {
  const kept = problem.kind === 'invalid_entries' ? ' The readable entries were kept.' : '';
  return {
    kind: problem.kind,
    droppedEntries: problem.droppedEntries,
    movedTo,
    message:
      `The saved iDenfy session history could not be fully read (${problem.detail}).${kept} ` +
      `The original data was copied to the storage key "${movedTo}" so it is not lost.`,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
