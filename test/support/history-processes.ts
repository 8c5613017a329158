/** Starts history-child.ts processes ("windows") and sends them commands (history-processes.test.ts). */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { ChildCommand } from './history-child';

export class Window {
  private seq = 0;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private onWatching: (() => void) | undefined;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: { seq?: number; result?: unknown; error?: string; watching?: boolean }) => {
      if (m.watching) this.onWatching?.();
      if (m.seq === undefined) return;
      const p = this.pending.get(m.seq);
      this.pending.delete(m.seq);
      if (m.error !== undefined) p?.reject(new Error(`child ${child.pid}: ${m.error}`));
      else p?.resolve(m.result);
    });
    child.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`child exited with ${code}`));
      this.pending.clear();
    });
  }

  static start(): Promise<Window> {
    const child = fork(join(__dirname, 'history-child.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('message', () => resolve(new Window(child)));
    });
  }

  send(command: ChildCommand): Promise<string[]> {
    const seq = this.seq++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve: (v) => resolve(v as string[]), reject });
      this.child.send({ seq, command });
    });
  }

  /** waitFor, resolving `watching` once the child is watching and `done` once it saw the entry. */
  waitFor(id: string): { watching: Promise<void>; done: Promise<string[]> } {
    const watching = new Promise<void>((resolve) => {
      this.onWatching = resolve;
    });
    const done = this.send({ cmd: 'waitFor', id });
    return { watching: Promise.race([watching, done.then(() => undefined)]), done };
  }

  close(): void {
    this.child.kill();
  }
}
