import { isPlainObject } from '../util/is-plain-object';
import { type HistoryEntry, historyEntrySchema } from './entry.js';

export const HISTORY_FORMAT_VERSION = 1;

export type HistoryWarningKind = 'corrupt' | 'unsupported_version' | 'invalid_entries';

/** Something in storage could not be used; the original was moved, untouched, to `movedTo`. */
export interface HistoryWarning {
  kind: HistoryWarningKind;
  message: string;
  /** Where the original now is, untouched: a file path (a storage key for an in-memory storage). */
  movedTo: string;
  /** How many stored entries are not in the history any more (all of them unless kind is invalid_entries). */
  droppedEntries: number;
}

/** Why stored data cannot be used as it is; it is then kept aside, untouched, and reported. */
export interface StoredProblem {
  kind: HistoryWarningKind;
  droppedEntries: number;
  detail: string;
}

export interface StoredRead {
  entries: HistoryEntry[];
  /** Set when the stored value must be kept aside. */
  problem?: StoredProblem;
}

/** Classifies a history in the single-value format of earlier releases; never throws, whatever the value. */
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

export function warningFor(problem: StoredProblem, movedTo: string): HistoryWarning {
  const kept = problem.kind === 'invalid_entries' ? ' The readable entries were kept.' : '';
  return {
    kind: problem.kind,
    droppedEntries: problem.droppedEntries,
    movedTo,
    message:
      `The saved iDenfy session history could not be fully read (${problem.detail}).${kept} ` +
      `The original data was kept in "${movedTo}" so it is not lost.`,
  };
}
