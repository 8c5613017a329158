import { type HistoryEntry, historyEntrySchema, isBuiltEntry } from './entry.js';
import { HISTORY_FORMAT_VERSION, type HistoryWarning, readStored, warningFor } from './load.js';
import { findSecretPaths } from './secrets.js';

export type { HistoryEntry, NewEntryInput } from './entry.js';
export { createHistoryEntry, DEFAULT_EXPIRY_SECONDS, isExpired } from './entry.js';
export type { HistoryWarning, HistoryWarningKind } from './load.js';
export { HISTORY_FORMAT_VERSION } from './load.js';

/** Memento-shaped: the extension passes a JsonFileStorage; tests may pass a Map-backed fake. */
export interface HistoryStorage {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
  /**
   * Optional shortcut for the common change: `value` is what this key last held with `entry` put in
   * front (older entries may have fallen off the end). A storage can then write just the entry.
   */
  prepend?(key: string, value: unknown, entry: unknown): PromiseLike<void>;
}

/** The next list, and the entry put in front of the current one when that is the whole change. */
type Change = { next: HistoryEntry[]; prepended?: HistoryEntry } | undefined;

export interface HistoryStoreOptions {
  key?: string;
  maxEntries?: number;
  /** Clock for the names of moved-aside keys. */
  now?: () => number;
  /** Where a throwing change listener is reported; a listener bug must not fail a write. */
  onListenerError?: (error: unknown) => void;
}

export const HISTORY_KEY = 'idenfy.history';

/**
 * Why a cap: the whole history is read when the view first shows and rewritten on every update.
 * An entry carries a full response (1-2 KB), so 200 keeps this under about half a megabyte. Tokens expire within 30 days at most, so old entries are rarely useful.
 */
export const MAX_HISTORY_ENTRIES = 200;

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

/** Session history kept in a Memento-like storage, newest first. */
export class HistoryStore {
  /** Problems found in storage at construction; the UI should show these to the user. */
  readonly warnings: readonly HistoryWarning[];
  private entries: HistoryEntry[];
  /**
   * The ids in `entries`, so that recording a new session need not look at every older entry
   * (200 of them, scattered in memory). Undefined while two entries share an id (damaged data).
   */
  private ids: Set<string> | undefined;
  private readonly key: string;
  private readonly max: number;
  private readonly listeners = new Set<Listener>();
  // Every write runs after the previous one so entries in memory always equal what was persisted.
  private queue: Promise<unknown>;
  private readonly loaded: Promise<void>;

  constructor(
    private readonly storage: HistoryStorage,
    private readonly options: HistoryStoreOptions = {},
  ) {
    this.key = options.key ?? HISTORY_KEY;
    this.max = options.maxEntries ?? MAX_HISTORY_ENTRIES;
    const raw = storage.get(this.key);
    const read = readStored(raw);
    this.entries = read.entries.slice(0, this.max).map((e) => deepFreeze(e));
    this.ids = idsOf(this.entries);
    if (read.problem) {
      const movedTo = this.freeKey();
      this.warnings = [warningFor(read.problem, movedTo)];
      // Copy first, then overwrite: if the copy fails the original is still under the main key.
      const key = this.key;
      const kept = this.serialise(this.entries);
      this.loaded = (async () => {
        await storage.update(movedTo, raw);
        await storage.update(key, kept);
      })();
    } else {
      this.warnings = [];
      this.loaded = Promise.resolve();
    }
    // Later writes would overwrite data we failed to copy aside, so they fail too (see run()).
    this.queue = this.loaded.catch(() => undefined);
  }

  /** Resolves once damaged data has been moved aside; rejects if that write failed. */
  async load(): Promise<readonly HistoryWarning[]> {
    await this.loaded;
    return this.warnings;
  }

  /** Newest first. */
  list(): readonly HistoryEntry[] {
    return [...this.entries];
  }

  get(id: string): HistoryEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /**
   * Saves an entry (replacing one with the same id) and resolves once it is persisted.
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
    return this.run((entries) =>
      this.ids && !this.ids.has(saved.id)
        ? { next: [saved, ...entries.slice(0, this.max - 1)], prepended: saved }
        : { next: withFirst(saved, entries, this.max) },
    ).then(() => saved);
  }

  /** Resolves to false when no entry had that id (nothing is written then). */
  async remove(id: string): Promise<boolean> {
    let found = false;
    await this.run((entries) => {
      found = entries.some((e) => e.id === id);
      return found ? { next: entries.filter((e) => e.id !== id) } : undefined;
    });
    return found;
  }

  async clear(): Promise<void> {
    await this.run(() => ({ next: [] }));
  }

  /** Called after each persisted change with the new list; returns a VS Code-style disposable. */
  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** `change` returns the next list, or undefined for "no change". */
  private run(change: (entries: HistoryEntry[]) => Change): Promise<void> {
    const step = this.queue.then(async () => {
      await this.loaded;
      const changed = change(this.entries);
      if (!changed) return;
      const next = changed.next.slice(0, this.max);
      const value = this.serialise(next);
      const { prepended } = changed;
      if (prepended && this.storage.prepend) await this.storage.prepend(this.key, value, prepended);
      else await this.storage.update(this.key, value);
      if (prepended && this.ids) {
        // Only the new entry and any that fell off the end change the set of ids.
        for (const dropped of this.entries.slice(next.length - 1)) this.ids.delete(dropped.id);
        this.ids.add(prepended.id);
      } else {
        this.ids = idsOf(next);
      }
      this.entries = next;
      this.emit();
    });
    // One failed write must not block the ones queued after it.
    this.queue = step.catch(() => undefined);
    return step;
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const snapshot = this.list();
    for (const listener of this.listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        (this.options.onListenerError ?? console.error)(error);
      }
    }
  }

  private serialise(entries: HistoryEntry[]): unknown {
    return { version: HISTORY_FORMAT_VERSION, entries };
  }

  // Two damaged loads in the same millisecond must not overwrite each other's copy.
  private freeKey(): string {
    const base = `${this.key}.corrupt.${(this.options.now ?? Date.now)()}`;
    let candidate = base;
    for (let n = 1; this.storage.get(candidate) !== undefined; n++) candidate = `${base}-${n}`;
    return candidate;
  }
}

function idsOf(entries: readonly HistoryEntry[]): Set<string> | undefined {
  const ids = new Set(entries.map((e) => e.id));
  return ids.size === entries.length ? ids : undefined;
}

/** `entry` followed by `entries` without any older entry of the same id, at most `max` in all. */
function withFirst(entry: HistoryEntry, entries: readonly HistoryEntry[], max: number): HistoryEntry[] {
  const next = [entry];
  for (let i = 0; i < entries.length && next.length < max; i++) {
    const e = entries[i] as HistoryEntry;
    if (e.id !== entry.id) next.push(e);
  }
  return next;
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
