/**
 * One "VS Code window" for the multi-process history tests (history-processes.test.ts): a separate
 * Node process with its own HistoryStore on the shared folder, driven over IPC. Uses only the store's
 * long-standing API (record, remove, clear, list; reload when there is one), so the same tests can
 * run against earlier storage code.
 */
import { JsonFileStorage } from '../../src/history/file-storage';
import { createHistoryEntry, type HistoryEntry, HistoryStore } from '../../src/history/store';

export type ChildOp = { op: 'record'; id: string } | { op: 'remove'; id: string } | { op: 'clear' };

export type ChildCommand =
  | { cmd: 'open'; dir: string }
  | { cmd: 'run'; ops: ChildOp[] }
  | { cmd: 'list' }
  | { cmd: 'waitFor'; id: string };

export function childEntry(id: string): HistoryEntry {
  return createHistoryEntry({
    id,
    target: 'emulator',
    baseUrl: 'http://127.0.0.1:1',
    response: { clientId: `client-${id}`, scanRef: `scan-${id}`, authToken: `token-${id}` },
  });
}

let store: HistoryStore | undefined;
let storage: JsonFileStorage | undefined;

const ids = () => (store as HistoryStore).list().map((e) => e.id);

async function handle(command: ChildCommand): Promise<unknown> {
  switch (command.cmd) {
    case 'open':
      storage?.dispose?.();
      storage = new JsonFileStorage(command.dir);
      store = new HistoryStore(storage);
      await store.load();
      return ids();
    case 'run':
      for (const op of command.ops) {
        const s = store as HistoryStore;
        if (op.op === 'record') await s.record(childEntry(op.id), { forbidden: [] });
        else if (op.op === 'remove') await s.remove(op.id);
        else await s.clear();
      }
      return ids();
    case 'list':
      // Another window's changes: picked up by reload() where the store has it.
      await (store as HistoryStore & { reload?: () => Promise<unknown> }).reload?.();
      return ids();
    case 'waitFor': {
      // Follows the folder (fs.watch) and answers once another process's entry shows up.
      const s = store as HistoryStore & { watch?: () => { dispose(): void } };
      if (ids().includes(command.id)) return ids();
      if (!s.watch) throw new Error('this HistoryStore cannot follow other processes (no watch())');
      const watching = s.watch();
      return new Promise((resolve) => {
        const sub = s.onDidChange((entries) => {
          if (!entries.some((e) => e.id === command.id)) return;
          sub.dispose();
          watching.dispose();
          resolve(ids());
        });
        process.send?.({ watching: true });
      });
    }
  }
}

process.on('message', (message: { seq: number; command: ChildCommand }) => {
  handle(message.command).then(
    (result) => process.send?.({ seq: message.seq, result }),
    (error: unknown) => process.send?.({ seq: message.seq, error: String((error as Error)?.stack ?? error) }),
  );
});
process.send?.({ ready: true });
