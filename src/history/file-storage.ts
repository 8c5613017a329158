/**
 * HistoryStorage on disk, in the extension's global storage folder: one file per key, in JSON Lines.
 * The first line is the whole value. When the store says a list changed only by a new entry at its
 * front (prepend(): a created session, the common case), that entry is appended as one more line,
 * with the list's length after it (older entries may fall off the end), instead of rewriting the
 * file, so recording stays cheap however long the history is. Every write has reached the operating
 * system when update() or prepend() resolves: unlike VS Code's globalState, which is flushed on the
 * workbench's schedule, it survives a crash or restart of VS Code straight after. (It is not fsynced:
 * a power cut in the following seconds can still lose it.)
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { HistoryStorage } from './store';

interface ListValue {
  version: unknown;
  entries: { id?: unknown }[];
}

function isList(value: unknown): value is ListValue {
  return typeof value === 'object' && value !== null && Array.isArray((value as ListValue).entries);
}

/**
 * The file is rewritten as one line once it holds more appended lines than entries (at least 100):
 * rewriting costs in proportion to the entries, so spread over as many appends it stays a small,
 * constant share of each, and the file never grows past about twice the history.
 */
function needsCompaction(appended: number, value: ListValue): boolean {
  return appended >= Math.max(100, value.entries.length);
}

export class JsonFileStorage implements HistoryStorage {
  /** What each key holds now, as last read or written, to tell an append from a rewrite. */
  private readonly known = new Map<string, { value: unknown; appended: number; fd?: number }>();

  constructor(private readonly folder: string) {}

  private readonly paths = new Map<string, string>();

  /** File of a key; keys are ours (idenfy.history, idenfy.history.corrupt.<n>), kept to safe characters. */
  path(key: string): string {
    let file = this.paths.get(key);
    if (file === undefined) {
      file = join(this.folder, `${key.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
      this.paths.set(key, file);
    }
    return file;
  }

  /**
   * The value, undefined when there is no file. Text that is not JSON comes back as the raw text,
   * and an appended line that is not JSON (a write cut short) as the raw line among the entries:
   * the history store then reports the damage and keeps the original aside instead of dropping it.
   */
  get(key: string): unknown {
    let text: string;
    try {
      text = readFileSync(this.path(key), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    const [first = '', ...rest] = text.split('\n').filter((line) => line.trim() !== '');
    let value: unknown;
    try {
      value = JSON.parse(first);
    } catch {
      return text;
    }
    if (rest.length > 0 && !isList(value)) return text;
    for (const line of rest) {
      const list = value as ListValue;
      try {
        const { add, keep } = JSON.parse(line) as { add: { id?: unknown }; keep?: unknown };
        list.entries = [add, ...list.entries.filter((e) => e?.id !== add.id)];
        // Older entries that fell off the end of the list when this one was added.
        if (typeof keep === 'number') list.entries = list.entries.slice(0, keep);
      } catch {
        list.entries = [line as never, ...list.entries];
      }
    }
    this.known.set(key, { value, appended: rest.length });
    return value;
  }

  async update(key: string, value: unknown): Promise<void> {
    const target = this.path(key);
    if (value === undefined) {
      this.forget(key);
      rmSync(target, { force: true });
      return;
    }
    this.forget(key);
    mkdirSync(this.folder, { recursive: true });
    // Write beside, then rename: a reader sees the old file or the new one, never half of one.
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(value)}\n`, { mode: 0o600 });
    renameSync(temporary, target);
    this.known.set(key, { value, appended: 0 });
  }

  /**
   * `value` is the list this key held with `entry` in front: when this storage wrote or read that
   * list itself, only the entry is appended, with the list's new length. Otherwise, or when the
   * file is due for compaction, the whole value is written.
   */
  async prepend(key: string, value: unknown, entry: unknown): Promise<void> {
    const before = this.known.get(key);
    if (!before || !isList(value) || needsCompaction(before.appended, value)) return this.update(key, value);
    // The append descriptor stays open between sessions: opening the file is most of an append's cost.
    const fd = before.fd ?? openSync(this.path(key), 'a', 0o600);
    writeSync(fd, `${JSON.stringify({ add: entry, keep: value.entries.length })}\n`);
    this.known.set(key, { value, appended: before.appended + 1, fd });
  }

  /** Closes the append descriptor of `key` (its file is about to be replaced or removed). */
  private forget(key: string): void {
    const fd = this.known.get(key)?.fd;
    if (fd !== undefined) closeSync(fd);
    this.known.delete(key);
  }

  /** Closes open descriptors; the extension calls it on deactivation. */
  dispose(): void {
    for (const key of [...this.known.keys()]) this.forget(key);
  }
}
