import { performance } from 'node:perf_hooks';
import { type HistoryEntry, historyEntrySchema, isBuiltEntry, type SessionStatus } from './entry.js';
import { type HistoryWarning, readStored, type StoredProblem, warningFor } from './load.js';
import { hashOf, parseRecordName, type RecordName, readRecord, recordName, recordValue } from './records.js';
import { findSecretPaths } from './secrets.js';

export type { HistoryEntry, NewEntryInput, SessionStatus } from './entry.js';
export { createHistoryEntry, DEFAULT_EXPIRY_SECONDS, isExpired } from './entry.js';
export type { HistoryWarning, HistoryWarningKind } from './load.js';
export { HISTORY_FORMAT_VERSION } from './load.js';

/**
 * Where the history lives: a set of immutable, named records (see records.ts), shared by every
 * process that opens the same place. Each method is one atomic step, so concurrent processes never
 * lose or revive each other's entries. The extension passes a JsonFileStorage (one file per record).
 */
export interface HistoryStorage {
  /** Names of the records stored now, in any order. */
  names(): string[];
  /** A record's content: parsed JSON, the raw text when it is not JSON, undefined when it is gone. */
  read(name: string): unknown;
  /** Stores a new record: complete or not at all, never half of one. Resolves once it is stored. */
  create(name: string, value: unknown): PromiseLike<void>;
  /** Deletes records; one already gone (deleted by another process) is not an error. */
  delete(names: readonly string[]): PromiseLike<void>;
  /**
   * Moves a damaged record aside, untouched, and says where (`now` names the copy); undefined when
   * it was gone (another process moved it first, and reports it).
   */
  setAside(name: string, now: number): string | undefined;
  /** Deletes every copy set aside: Clear Session History removes personal data everywhere. */
  clearAside(): PromiseLike<void>;
  /** The history of an earlier release, in its single-value format, claimed by this process alone. */
  takeLegacy?(): LegacyHistory | undefined;
  /** Calls `onChange` when the records may have changed; optional (the store then updates on reload()). */
  watch?(onChange: () => void): { dispose(): void };
}

/** An earlier release's history, claimed: no other process can migrate it as well. */
export interface LegacyHistory {
  value: unknown;
  /** Every entry is stored as a record now: the original can go. */
  done(): void;
  /** Keeps the original aside, untouched, and says where. */
  setAside(now: number): string;
}

export interface HistoryStoreOptions {
  maxEntries?: number;
  /** Clock (ms) for record order, retention and the names of copies set aside. */
  now?: () => number;
  /**
   * Entries created longer ago than this many days are deleted from storage on load, on every
   * change and on reload(); 0 (the default here; the extension passes the user's setting) keeps them.
   */
  retentionDays?: number | (() => number);
  /** Damaged data found after construction (e.g. written by another process), already set aside. */
  onWarning?: (warning: HistoryWarning) => void;
  /** Where problems that fail no call are reported: a throwing listener, a record that cannot be set aside. */
  onError?: (error: unknown) => void;
}

/** Base of the storage names: the file of earlier releases, and copies set aside. */
export const HISTORY_KEY = 'idenfy.history';

/**
 * Why a cap: the history is read when the view first shows, one record per entry. An entry carries a
 * full response (1-2 KB), so 200 keeps this under about half a megabyte. Tokens expire within 30 days
 * at most, so old entries are rarely useful.
 */
export const MAX_HISTORY_ENTRIES = 200;

const DAY_MS = 86_400_000;
/** See HistoryStore.due(). */
const RELIST_MS = 60_000;
const CAP_MARGIN = 20;

export class HistoryRecordError extends Error {
  constructor(
    readonly reason: 'secret' | 'invalid',
    /** Field paths only, never the values, so the error itself cannot leak a secret. */
    readonly paths: string[],
  ) {
    super(
      reason === 'secret'
        ? `The session was not saved to the history because these fields contain the API key or secret: ${paths.join(', ')}. Check that the credentials were not pasted into the request.`
        : `The session was not saved to the history because these fields are missing or invalid: ${paths.join(', ')}.`,
    );
    this.name = 'HistoryRecordError';
  }
}

type Listener = (entries: readonly HistoryEntry[]) => void;

interface Known {
  name: RecordName;
  entry: HistoryEntry;
  /** entry.createdAt in ms, parsed once. */
  created: number;
}

function known(name: RecordName, entry: HistoryEntry): Known {
  return { name, entry, created: Date.parse(entry.createdAt) };
}

/** Wall-clock ms with a fraction: records made by two windows in the same millisecond keep their order. */
const preciseNow = () => performance.timeOrigin + performance.now();

/**
 * Session history, newest first, over a storage that other processes (other VS Code windows) share.
 * What this store holds in memory is a cache of the storage's immutable records, brought up to date
 * from a listing (reading only records not seen before) on remove, clear, reload() and watched
 * changes; a record, the hot path of every Create Session, lists at most once a minute (see due()).
 */
export class HistoryStore {
  private readonly found: HistoryWarning[] = [];
  private readonly initialWarnings: readonly HistoryWarning[];
  /** Valid records, by name, as last listed. */
  private readonly known = new Map<string, Known>();
  /** Names not to read again: not ours, or damaged and not movable. */
  private readonly skipped = new Set<string>();
  /** What list() shows, and the records it comes from. */
  private entries: HistoryEntry[] = [];
  private view: Known[] = [];
  /** When the storage was last listed in full (clock ms). */
  private listedAt = Number.NEGATIVE_INFINITY;
  private lastStamp = 0;
  private readonly max: number;
  private readonly now: () => number;
  private readonly listeners = new Set<Listener>();
  // One change at a time in this process, so memory always equals what was persisted.
  private queue: Promise<unknown>;
  private readonly loaded: Promise<void>;
  private constructing = true;
  private loadError: unknown;
  private readonly watching = { dirty: false, running: false };

  constructor(
    private readonly storage: HistoryStorage,
    private readonly options: HistoryStoreOptions = {},
  ) {
    this.max = options.maxEntries ?? MAX_HISTORY_ENTRIES;
    this.now = options.now ?? preciseNow;
    this.scan();
    const migrated = this.migrate();
    const obsolete = this.updateView();
    this.initialWarnings = [...this.found];
    this.constructing = false;
    const error = this.loadError;
    this.loaded = (async () => {
      if (error !== undefined) throw error;
      await migrated?.();
      await this.deleteObsolete(obsolete);
    })();
    this.queue = this.loaded.catch(() => undefined);
  }

  /** Resolves once the storage is tidy (old format migrated, damaged data set aside); rejects if that failed. */
  async load(): Promise<readonly HistoryWarning[]> {
    await this.loaded;
    return this.initialWarnings;
  }

  /** Every problem found so far (at construction and since); each was reported once. */
  get warnings(): readonly HistoryWarning[] {
    return [...this.found];
  }

  /** Newest first. */
  list(): readonly HistoryEntry[] {
    return [...this.entries];
  }

  get(id: string): HistoryEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /**
   * Saves an entry (replacing one with the same id or scanRef) and resolves once it is persisted.
   * `forbidden` lists the API key and secret in use: an entry containing either is refused.
   * The history keeps a private, frozen copy; with `handOver` the caller gives the entry (and its
   * response) away instead: it is frozen where it is, without a copy, so nobody can change it later.
   */
  record(
    entry: HistoryEntry,
    guard: { forbidden: readonly string[]; handOver?: boolean },
  ): Promise<HistoryEntry> {
    const secretPaths = findSecretPaths(entry, guard.forbidden);
    if (secretPaths.length > 0) return Promise.reject(new HistoryRecordError('secret', secretPaths));
    // An entry made by createHistoryEntry and handed over is valid by construction: re-checking
    // it would only repeat what that function just did.
    const parsed =
      guard.handOver && isBuiltEntry(entry)
        ? { success: true as const, data: entry }
        : historyEntrySchema.safeParse(entry);
    if (!parsed.success) {
      const paths = parsed.error.issues.map((i) => i.path.join('.') || '(entry)');
      return Promise.reject(new HistoryRecordError('invalid', paths));
    }
    // Frozen, so neither later changes to the caller's objects nor a consumer of list() can alter it.
    const saved = deepFreeze(guard.handOver ? parsed.data : structuredClone(parsed.data));
    return this.run(() => this.write(saved)).then(() => saved);
  }

  /**
   * Records the last known status of a session: a new record of the entry with `status` set, written
   * as record() writes (complete or not at all; the older record is superseded), and resolved only once
   * it is stored, so callers change the UI after the history. Resolves to undefined, writing nothing,
   * when no stored record has that id (another window removed it: a status must not bring it back).
   */
  setStatus(id: string, status: SessionStatus): Promise<HistoryEntry | undefined> {
    const entry = this.get(id);
    if (!entry) return Promise.resolve(undefined);
    const parsed = historyEntrySchema.safeParse({ ...entry, status });
    if (!parsed.success) {
      const paths = parsed.error.issues.map((i) => i.path.join('.') || '(entry)');
      return Promise.reject(new HistoryRecordError('invalid', paths));
    }
    const saved = deepFreeze(structuredClone(parsed.data));
    let stored = false;
    return this.run(async () => {
      const idHash = hashOf(id);
      if (!this.storage.names().some((n) => parseRecordName(n)?.idHash === idHash)) return;
      await this.write(saved);
      stored = true;
    }).then(() => (stored ? saved : undefined));
  }

  /** Writes one entry as a new record and supersedes older records of the same session. */
  private async write(saved: HistoryEntry): Promise<void> {
    // Past the retention period already: personal data that would be deleted at once is not written.
    if (!this.retained(saved)) return;
    const name = recordName(this.nextStamp(), saved);
    await this.storage.create(name.name, recordValue(saved));
    const record = known(name, saved);
    this.known.set(name.name, record);
    if (this.due()) {
      await this.refresh();
      return;
    }
    // The common case, kept cheap: the new entry goes in front; older records of the same session
    // (id or scanRef) are superseded, and those past the retention period go.
    const obsolete: string[] = [];
    const view = [record];
    const cutoff = this.cutoff();
    for (const k of this.view) {
      if (k.name.idHash === name.idHash || k.name.scanRefHash === name.scanRefHash || k.created < cutoff) {
        obsolete.push(k.name.name);
      } else if (view.length < this.max) view.push(k);
    }
    this.setView(view);
    await this.deleteObsolete(obsolete);
    this.emit();
  }

  /** Resolves to false when no stored entry had that id. */
  async remove(id: string): Promise<boolean> {
    let found = false;
    await this.run(async () => {
      // By the names stored now, not the ones in memory: a record of that id another process has
      // just written is removed too.
      const idHash = hashOf(id);
      const names = this.storage.names().filter((n) => parseRecordName(n)?.idHash === idHash);
      found = names.length > 0;
      await this.storage.delete(names);
      for (const name of names) this.known.delete(name);
      await this.refresh();
    });
    return found;
  }

  /** Deletes every stored entry (whichever process recorded it) and every copy of damaged data. */
  async clear(): Promise<void> {
    await this.run(async () => {
      await this.storage.delete(this.storage.names());
      await this.storage.clearAside();
      this.known.clear();
      this.skipped.clear();
      // Anything another process recorded after the listing above stays, as it should.
      await this.refresh();
    });
  }

  /** Picks up what other processes changed; resolves to the problems found on the way. */
  async reload(): Promise<readonly HistoryWarning[]> {
    const before = this.found.length;
    await this.run(() => this.refresh());
    return this.found.slice(before);
  }

  /**
   * Follows changes by other processes as they happen, when the storage can watch (falls back to
   * nothing: reload() then does it). Returns a VS Code-style disposable.
   */
  watch(): { dispose(): void } {
    return (
      this.storage.watch?.(() => {
        this.watching.dirty = true;
        if (!this.watching.running) void this.followChanges();
      }) ?? { dispose() {} }
    );
  }

  /**
   * A snapshot of the sessions stored now by any window (from a listing, not this store's view):
   * whether an id is among them. Deliveries (deliveries.ts) are kept while their session is.
   */
  storedIds(): (id: string) => boolean {
    const hashes = new Set<string>();
    for (const name of this.storage.names()) {
      const parsed = parseRecordName(name);
      if (parsed) hashes.add(parsed.idHash);
    }
    return (id) => hashes.has(hashOf(id));
  }

  /** Called after each change with the new list; returns a VS Code-style disposable. */
  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private async followChanges(): Promise<void> {
    this.watching.running = true;
    try {
      while (this.watching.dirty) {
        this.watching.dirty = false;
        await this.reload().catch((error: unknown) => this.report(error));
      }
    } finally {
      this.watching.running = false;
    }
  }

  private run(change: () => Promise<void>): Promise<void> {
    const step = this.queue.then(change);
    // One failed write must not block the ones queued after it.
    this.queue = step.catch(() => undefined);
    return step;
  }

  /** Lists the storage, updates the view, deletes what is obsolete, and tells listeners. */
  private async refresh(): Promise<void> {
    const before = this.entries;
    this.scan();
    await this.deleteObsolete(this.updateView());
    if (!sameEntries(before, this.entries)) this.emit();
  }

  /** Brings `known` in line with the names stored now, reading only records not seen before. */
  private scan(): void {
    this.listedAt = this.now();
    const present = new Set(this.storage.names());
    for (const name of this.known.keys()) if (!present.has(name)) this.known.delete(name);
    for (const name of present) {
      if (this.known.has(name) || this.skipped.has(name)) continue;
      const parsed = parseRecordName(name);
      if (!parsed) {
        this.skipped.add(name);
        continue;
      }
      const value = this.storage.read(name);
      if (value === undefined) continue; // deleted since the listing
      const read = readRecord(value, parsed);
      if ('entry' in read) {
        this.known.set(name, known(parsed, deepFreeze(read.entry)));
        this.lastStamp = Math.max(this.lastStamp, parsed.stamp);
      } else this.setAside(name, read);
    }
  }

  /**
   * The view: newest first, each id and each scanRef once, within the retention period and the cap.
   * Returns the records left out, to delete: each stays left out whatever happens later (a newer
   * record of the same session, age, or 200 newer entries), so deleting them loses nothing.
   */
  private updateView(): string[] {
    const sorted = [...this.known.values()].sort((a, b) => (a.name.name < b.name.name ? 1 : -1));
    const ids = new Set<string>();
    const scanRefs = new Set<string>();
    const view: Known[] = [];
    const obsolete: string[] = [];
    const cutoff = this.cutoff();
    for (const k of sorted) {
      const { name } = k;
      if (
        view.length >= this.max ||
        ids.has(name.idHash) ||
        scanRefs.has(name.scanRefHash) ||
        k.created < cutoff
      ) {
        obsolete.push(name.name);
        continue;
      }
      ids.add(name.idHash);
      scanRefs.add(name.scanRefHash);
      view.push(k);
    }
    this.setView(view);
    return obsolete;
  }

  private setView(view: Known[]): void {
    this.view = view;
    this.entries = view.map((k) => k.entry);
  }

  /**
   * Whether a record should list the storage in full: every minute (it also deletes records of
   * another window that are past retention), and once the records this store knows pass the cap by
   * a margin (records over the cap are deleted only after a fresh listing: entries another window
   * removed must not count towards it).
   */
  private due(): boolean {
    return this.known.size > this.max + CAP_MARGIN || this.now() - this.listedAt >= RELIST_MS;
  }

  private async deleteObsolete(names: string[]): Promise<void> {
    if (names.length === 0) return;
    await this.storage.delete(names);
    for (const name of names) this.known.delete(name);
  }

  /** Claims the history of an earlier release, keeps its entries as records, and returns the writes. */
  private migrate(): (() => Promise<void>) | undefined {
    let legacy: LegacyHistory | undefined;
    try {
      legacy = this.storage.takeLegacy?.();
    } catch (error) {
      this.loadError = error;
      return undefined;
    }
    if (!legacy) return undefined;
    const claimed = legacy;
    const read = readStored(claimed.value);
    if (read.problem) {
      try {
        this.warn(warningFor(read.problem, claimed.setAside(Math.floor(this.now()))));
      } catch (error) {
        // The original stays where it was claimed, untouched; nothing of it is written over.
        this.loadError = error;
        return undefined;
      }
    }
    // Stamps 1..n keep the old order below any new record, and are the same in every process that
    // might migrate the same file after a crash: writing a record twice then changes nothing.
    const kept = read.entries.slice(0, this.max).filter((e) => this.retained(e));
    const records = kept.map((entry, i) => known(recordName(kept.length - i, entry), deepFreeze(entry)));
    for (const r of records) this.known.set(r.name.name, r);
    this.lastStamp = Math.max(this.lastStamp, records.length);
    return async () => {
      for (const r of records) await this.storage.create(r.name.name, recordValue(r.entry));
      if (!read.problem) claimed.done();
    };
  }

  private setAside(name: string, problem: StoredProblem): void {
    try {
      const movedTo = this.storage.setAside(name, Math.floor(this.now()));
      if (movedTo !== undefined) this.warn(warningFor(problem, movedTo));
    } catch (error) {
      // Left where it is, unread, rather than lost; the next process to start tries again.
      this.skipped.add(name);
      if (this.constructing) this.loadError = error;
      else this.report(error);
    }
  }

  private warn(warning: HistoryWarning): void {
    this.found.push(warning);
    if (!this.constructing) this.options.onWarning?.(warning);
  }

  private retained(entry: HistoryEntry): boolean {
    return Date.parse(entry.createdAt) >= this.cutoff();
  }

  /** Entries created before this (ms) are past the retention period; -Infinity when kept forever. */
  private cutoff(): number {
    const option = this.options.retentionDays;
    const days = typeof option === 'function' ? option() : option;
    if (days === undefined || !Number.isFinite(days) || days <= 0) return Number.NEGATIVE_INFINITY;
    return this.now() - days * DAY_MS;
  }

  /** Later than every record seen, so a new entry always comes first. */
  private nextStamp(): number {
    this.lastStamp = Math.max(Math.floor(this.now() * 1000), this.lastStamp + 1);
    return this.lastStamp;
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const snapshot = this.list();
    for (const listener of this.listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        this.report(error);
      }
    }
  }

  private report(error: unknown): void {
    (this.options.onError ?? console.error)(error);
  }
}

function sameEntries(a: readonly HistoryEntry[], b: readonly HistoryEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e === b[i]);
}

/**
 * Freezes `value` and everything in it, including what sits under an object that was frozen already
 * (a sealed entry's response). Iterative, as a response may be nested deeper than the stack; `seen`
 * ends cycles.
 */
function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null || seen.has(item)) continue;
    seen.add(item);
    Object.freeze(item);
    for (const key of Object.keys(item)) stack.push((item as Record<string, unknown>)[key]);
  }
  return value;
}
