/**
 * Files only the user may read, written so that a reader in another window sees a whole file or none:
 * the session history (file-storage.ts) and the webhook deliveries beside it (deliveries.ts).
 */
import { chmodSync, closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

let counter = 0;

export function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Created 0700, and made 0700 if it was not. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
}

/**
 * Writes `text` to `target`, created 0600: beside it first, then renamed over it. The temporary name
 * (`<target>.<pid>-<n>.tmp`) does not end in .json, so no listing takes it for a record, and it names
 * the process, so an abandoned one can be told from one being written.
 */
export function writePrivateFile(target: string, text: string): void {
  const temporary = `${target}.${process.pid}-${counter++}.tmp`;
  try {
    // A mode applies only when a file is created, hence the explicit open.
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
