/**
 * HistoryStorage on disk: one JSON file per key in the extension's global storage folder. Unlike
 * VS Code's globalState, which reaches disk on the workbench's own schedule, a write here is on disk
 * (written, fsynced, renamed into place) when update() resolves, so a crash or a killed window right
 * after a session was created cannot lose it.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { HistoryStorage } from './store';

export class JsonFileStorage implements HistoryStorage {
  constructor(private readonly folder: string) {}

  /** File of a key; keys are ours (idenfy.history, idenfy.history.corrupt.<n>), kept to safe characters. */
  path(key: string): string {
    return join(this.folder, `${key.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
  }

  /**
   * The parsed value, undefined when there is no file, or the raw text when it is not JSON: the
   * history store then reports it as damaged and keeps it aside instead of overwriting it.
   */
  get(key: string): unknown {
    let text: string;
    try {
      text = readFileSync(this.path(key), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }

  async update(key: string, value: unknown): Promise<void> {
    const target = this.path(key);
    if (value === undefined) {
      rmSync(target, { force: true });
      return;
    }
    mkdirSync(this.folder, { recursive: true });
    // Write beside, flush, then rename: readers see the old file or the new one, never half of one.
    const temporary = `${target}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(value, null, 1)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  }
}
