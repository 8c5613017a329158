import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { JsonFileStorage } from '../../src/history/file-storage';
import { createHistoryEntry, HISTORY_KEY, HistoryStore } from '../../src/history/store';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idenfy-history-'));
  folders.push(dir);
  return dir;
}
after(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const entry = (clientId: string) =>
  createHistoryEntry({
    response: { clientId, scanRef: `scan-${clientId}`, authToken: `token-${clientId}`, expiryTime: 600 },
    target: 'emulator',
    baseUrl: 'http://127.0.0.1:1',
  });

describe('JsonFileStorage', () => {
  it('has nothing for a key never written, and reads back what was written', async () => {
    const storage = new JsonFileStorage(join(folder(), 'not-created-yet'));
    assert.equal(storage.get('k'), undefined);
    await storage.update('k', { a: [1, 'two'] });
    assert.deepEqual(storage.get('k'), { a: [1, 'two'] });
    await storage.update('k', undefined);
    assert.equal(storage.get('k'), undefined);
  });

  it('is on disk when update() resolves, with no temporary file left behind', async () => {
    const dir = folder();
    const storage = new JsonFileStorage(dir);
    await storage.update(HISTORY_KEY, { version: 1, entries: [] });
    assert.deepEqual(readdirSync(dir), [`${HISTORY_KEY}.json`]);
    assert.deepEqual(JSON.parse(readFileSync(storage.path(HISTORY_KEY), 'utf8')), {
      version: 1,
      entries: [],
    });
  });

  it('records a new session by appending one line, and reads the lines back newest first', async () => {
    const dir = folder();
    const storage = new JsonFileStorage(dir);
    const store = new HistoryStore(storage);
    for (const name of ['a', 'b', 'c']) await store.record(entry(name), { forbidden: [] });
    const lines = readFileSync(storage.path(HISTORY_KEY), 'utf8').trim().split('\n');
    assert.equal(lines.length, 3, 'one snapshot line, then one appended line per later session');
    assert.ok(lines[1]?.startsWith('{"add":'));
    assert.deepEqual(
      new HistoryStore(new JsonFileStorage(dir)).list().map((e) => e.clientId),
      ['c', 'b', 'a'],
    );
    // Anything but a new entry in front rewrites the file as one line.
    await store.remove(store.list()[1]?.id ?? '');
    assert.equal(readFileSync(storage.path(HISTORY_KEY), 'utf8').trim().split('\n').length, 1);
    assert.deepEqual(
      new HistoryStore(new JsonFileStorage(dir)).list().map((e) => e.clientId),
      ['c', 'a'],
    );
  });

  it('an appended line cut short by a crash is reported and the file kept aside; the rest is kept', async () => {
    const dir = folder();
    const storage = new JsonFileStorage(dir);
    const store = new HistoryStore(storage);
    await store.record(entry('a'), { forbidden: [] });
    await store.record(entry('b'), { forbidden: [] });
    const original = readFileSync(storage.path(HISTORY_KEY), 'utf8');
    writeFileSync(storage.path(HISTORY_KEY), `${original}{"add":{"id":"c","clie`);
    const reopened = new HistoryStore(new JsonFileStorage(dir));
    const warnings = await reopened.load();
    assert.equal(warnings[0]?.kind, 'invalid_entries');
    assert.deepEqual(
      reopened.list().map((e) => e.clientId),
      ['b', 'a'],
    );
    const aside = new JsonFileStorage(dir).get(warnings[0]?.movedTo ?? '');
    assert.ok(JSON.stringify(aside).includes('clie'), 'the damaged line is in the copy kept aside');
  });

  it('a history recorded through one store is there for the next (a window restart)', async () => {
    const dir = folder();
    const first = new HistoryStore(new JsonFileStorage(dir));
    await first.record(entry('alice'), { forbidden: ['the-secret'] });
    const second = new HistoryStore(new JsonFileStorage(dir));
    assert.deepEqual(await second.load(), []);
    assert.deepEqual(
      second.list().map((e) => e.clientId),
      ['alice'],
    );
  });

  it('a history file that is not JSON is reported and kept aside, byte for byte in a JSON string', async () => {
    const dir = folder();
    const storage = new JsonFileStorage(dir);
    writeFileSync(storage.path(HISTORY_KEY), '{"version": 1, "entries": [ truncated');
    const store = new HistoryStore(storage);
    const warnings = await store.load();
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.kind, 'corrupt');
    const aside = warnings[0]?.movedTo ?? '';
    assert.ok(existsSync(storage.path(aside)), `kept aside under ${aside}`);
    assert.equal(storage.get(aside), '{"version": 1, "entries": [ truncated');
    // The main file is usable again, and the next record works.
    await store.record(entry('bob'), { forbidden: [] });
    assert.deepEqual(
      new HistoryStore(new JsonFileStorage(dir)).list().map((e) => e.clientId),
      ['bob'],
    );
  });

  it('an older format version is reported and kept aside, not dropped', async () => {
    const dir = folder();
    const storage = new JsonFileStorage(dir);
    const old = { version: 0, sessions: [{ scanRef: 'x' }] };
    await storage.update(HISTORY_KEY, old);
    const warnings = await new HistoryStore(storage).load();
    assert.equal(warnings[0]?.kind, 'unsupported_version');
    assert.deepEqual(storage.get(warnings[0]?.movedTo ?? ''), old);
  });
});

describe('JsonFileStorage and HistoryStore: what is written is what is read', () => {
  const list = (ids: string[]) => ({ version: 1, entries: ids.map((id) => ({ id })) });
  const storageOps = fc.array(
    fc.constantFrom('prepend', 'prepend', 'prepend-drop-last', 'remove-first', 'swap', 'reopen'),
    { minLength: 1, maxLength: 14 },
  );

  it('a fresh reader sees every list exactly, whether it was appended or rewritten', async () => {
    await fc.assert(
      fc.asyncProperty(storageOps, async (ops) => {
        const dir = folder();
        let storage = new JsonFileStorage(dir);
        let ids: string[] = [];
        let n = 0;
        for (const op of ops) {
          if (op === 'reopen') {
            // A new storage on the same folder has not read the file: its first prepend rewrites.
            storage.dispose();
            storage = new JsonFileStorage(dir);
            continue;
          }
          if (op === 'prepend' || op === 'prepend-drop-last') {
            const id = `e${n++}`;
            ids = op === 'prepend' ? [id, ...ids] : [id, ...ids.slice(0, -1)];
            await storage.prepend(HISTORY_KEY, list(ids), { id });
          } else {
            if (op === 'remove-first') ids = ids.slice(1);
            else if (ids.length > 1) ids = [ids[1] as string, ids[0] as string, ...ids.slice(2)];
            await storage.update(HISTORY_KEY, list(ids));
          }
          assert.deepEqual(new JsonFileStorage(dir).get(HISTORY_KEY), list(ids), ops.join(', '));
        }
        storage.dispose();
      }),
      { numRuns: 200 },
    );
  });

  const storeOps = fc.array(
    fc.oneof(
      fc.constant({ op: 'record-new' as const, pick: 0 }),
      fc.record({ op: fc.constantFrom('record-again' as const, 'remove' as const), pick: fc.nat() }),
      fc.constant({ op: 'clear' as const, pick: 0 }),
    ),
    { minLength: 1, maxLength: 20 },
  );

  it('a store reopened on the folder lists the same sessions, over random records, removals and clears', async () => {
    await fc.assert(
      fc.asyncProperty(storeOps, async (ops) => {
        const dir = folder();
        const storage = new JsonFileStorage(dir);
        // A small cap, so sessions fall off the end and come back.
        const store = new HistoryStore(storage, { maxEntries: 4 });
        let n = 0;
        const seen: string[] = [];
        for (const { op, pick } of ops) {
          if (op === 'record-new') {
            const e = entry(`c${n++}`);
            seen.push(e.id);
            await store.record(e, { forbidden: [] });
          } else if (op === 'record-again' && seen.length > 0) {
            const id = seen[pick % seen.length] as string;
            await store.record({ ...entry(`again-${pick}`), id }, { forbidden: [] });
          } else if (op === 'remove' && seen.length > 0) {
            await store.remove(seen[pick % seen.length] as string);
          } else if (op === 'clear') {
            await store.clear();
          }
          const ids = store.list().map((e) => e.id);
          assert.equal(new Set(ids).size, ids.length, 'no id twice');
          const reopened = new HistoryStore(new JsonFileStorage(dir), { maxEntries: 4 });
          assert.deepEqual(
            reopened.list().map((e) => e.id),
            ids,
          );
        }
        storage.dispose();
      }),
      { numRuns: 150 },
    );
  });
});
