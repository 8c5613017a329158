/**
 * HistoryStorage on disk, in the extension's global storage folder, which every VS Code window (each
 * its own extension-host process) shares: one file per record in `<folder>/history/`. Each change is
 * one atomic step of the file system: a record is written beside and renamed into place (a reader
 * sees all of it or nothing), a removal is an unlink, a listing is a readdir. No process rewrites a
 * file another wrote, so no lock is needed and none can be left behind by a crash.
 *
 * The folder is private (0700) and the files 0600: the history holds personal data. Every write has
 * reached the operating system when create() resolves, so it survives a restart of VS Code straight
 * after (it is not fsynced: a power cut in the following seconds can still lose it).
 */
import {
  existsSync,
  type FSWatcher,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  watch,
} from 'node:fs';
import { join } from 'node:path';
import { isMissing, makePrivateDir, writePrivateFile } from './private-files';
import { HISTORY_KEY, type HistoryStorage, type LegacyHistory } from './store';

const SUFFIX = '.json';
/** Copies of damaged data: `idenfy.history.corrupt.<ms>.<pid>[-n].json`, in both folders. */
const ASIDE_PREFIX = `${HISTORY_KEY}.corrupt.`;
/** The single file of earlier releases, in the global storage folder itself. */
const LEGACY_FILE = `${HISTORY_KEY}.json`;
/** A legacy file being migrated: `<legacy>.migrating-<pid>-<n>`. */
const CLAIM = /^idenfy\.history\.json\.migrating-(\d+)-\d+$/;

let counter = 0;

export class JsonFileStorage implements HistoryStorage {
  /** Where the records are. */
  readonly dir: string;
  private ready = false;
  private readonly watchers = new Set<FSWatcher>();

  /** `folder`: the extension's global storage folder. */
  constructor(private readonly folder: string) {
    this.dir = join(folder, 'history');
  }

  names(): string[] {
    let files: string[];
    try {
      files = readdirSync(this.dir);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const names: string[] = [];
    for (const file of files) {
      if (file.endsWith(SUFFIX) && !file.startsWith(ASIDE_PREFIX)) names.push(file.slice(0, -SUFFIX.length));
    }
    return names;
  }

  read(name: string): unknown {
    return readValue(join(this.dir, name + SUFFIX));
  }

  async create(name: string, value: unknown): Promise<void> {
    this.prepare();
    const target = join(this.dir, name + SUFFIX);
    // Beside, then renamed: a reader in another process sees the whole record or none.
    writePrivateFile(target, `${JSON.stringify(value)}\n`);
  }

  async delete(names: readonly string[]): Promise<void> {
    // force: a record another process deleted first is not an error.
    for (const name of names) rmSync(join(this.dir, name + SUFFIX), { force: true });
  }

  setAside(name: string, now: number): string | undefined {
    const target = this.asideTarget(now);
    try {
      // Only one process can move a given file: the others find it gone, and report nothing.
      renameSync(join(this.dir, name + SUFFIX), target);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    return target;
  }

  async clearAside(): Promise<void> {
    // Earlier releases kept their copies beside the history file, in the global storage folder.
    // Also goes: what a crash left half-written (a write in progress in another window stays).
    for (const dir of [this.dir, this.folder]) {
      let files: string[];
      try {
        files = readdirSync(dir);
      } catch (error) {
        if (isMissing(error)) continue;
        throw error;
      }
      for (const file of files) {
        if (file.startsWith(ASIDE_PREFIX) || (dir === this.dir && isAbandonedTemporary(join(dir, file)))) {
          rmSync(join(dir, file), { force: true });
        }
      }
    }
  }

  /**
   * Claims the history file of an earlier release by renaming it to a name of this process: a rename
   * succeeds for one process only, so two windows starting together never both migrate it. A claim
   * left by a process that died mid-migration is claimed again.
   */
  takeLegacy(): LegacyHistory | undefined {
    const claim = join(this.folder, `${LEGACY_FILE}.migrating-${process.pid}-${counter++}`);
    if (!this.claim(join(this.folder, LEGACY_FILE), claim) && !this.claimAbandoned(claim)) return undefined;
    return {
      value: readLegacy(claim),
      done: () => rmSync(claim, { force: true }),
      setAside: (now) => {
        this.prepare();
        const target = this.asideTarget(now);
        renameSync(claim, target);
        return target;
      },
    };
  }

  /**
   * fs.watch on the records folder. Where it is unavailable (some network file systems) this
   * watches nothing, and the view picks changes up when it is shown again.
   */
  watch(onChange: () => void): { dispose(): void } {
    let watcher: FSWatcher | undefined;
    try {
      this.prepare();
      watcher = watch(this.dir, () => onChange());
      const w = watcher;
      w.on('error', () => this.unwatch(w));
      this.watchers.add(w);
    } catch {
      watcher = undefined;
    }
    return { dispose: () => watcher && this.unwatch(watcher) };
  }

  /** Stops watching; the extension calls it on deactivation. */
  dispose(): void {
    for (const w of [...this.watchers]) this.unwatch(w);
  }

  private unwatch(watcher: FSWatcher): void {
    watcher.close();
    this.watchers.delete(watcher);
  }

  /** The records folder, private: created 0700, and made 0700 if it was not. */
  private prepare(): void {
    if (this.ready) return;
    makePrivateDir(this.dir);
    this.ready = true;
  }

  /** A free name for a copy set aside; the pid keeps two processes from picking the same one. */
  private asideTarget(now: number): string {
    const base = join(this.dir, `${ASIDE_PREFIX}${now}.${process.pid}`);
    let target = base + SUFFIX;
    for (let n = 1; existsSync(target); n++) target = `${base}-${n}${SUFFIX}`;
    return target;
  }

  private claim(from: string, to: string): boolean {
    try {
      renameSync(from, to);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  private claimAbandoned(to: string): boolean {
    let files: string[];
    try {
      files = readdirSync(this.folder);
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
    for (const file of files) {
      const pid = CLAIM.exec(file)?.[1];
      if (pid !== undefined && !isAlive(Number(pid)) && this.claim(join(this.folder, file), to)) return true;
    }
    return false;
  }
}

/**
 * A record being written is renamed into place within milliseconds; one older than a minute was left
 * by a process that stopped mid-write, and holds personal data nobody will read.
 */
function isAbandonedTemporary(file: string): boolean {
  if (!file.endsWith('.tmp')) return false;
  try {
    return Date.now() - statSync(file).mtimeMs > 60_000;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Parsed JSON; the raw text when it is not JSON (kept aside, never dropped); undefined when gone. */
function readValue(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

interface ListValue {
  version: unknown;
  entries: { id?: unknown }[];
}

function isList(value: unknown): value is ListValue {
  return typeof value === 'object' && value !== null && Array.isArray((value as ListValue).entries);
}

/**
 * The single-file format of earlier releases, JSON Lines: the first line is the whole list, each
 * later line `{ add, keep }` put one entry in front and kept the first `keep`. Text that is not JSON
 * comes back as the raw text, and an appended line that is not JSON as the raw line among the
 * entries: the store then reports the damage and keeps the original aside instead of dropping it.
 */
function readLegacy(file: string): unknown {
  const text = readFileSync(file, 'utf8');
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
      if (typeof keep === 'number') list.entries = list.entries.slice(0, keep);
    } catch {
      list.entries = [line as never, ...list.entries];
    }
  }
  return value;
}
