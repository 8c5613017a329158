import * as assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
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

const entry = (clientId: string, now?: Date) =>
  createHistoryEntry({
    response: { clientId, scanRef: `scan-${clientId}`, authToken: `token-${clientId}`, expiryTime: 600 },
    target: 'emulator',
    baseUrl: 'http://127.0.0.1:1',
    ...(now ? { now } : {}),
  });
const open = (dir: string) => new HistoryStore(new JsonFileStorage(dir));
const clients = (store: HistoryStore) => store.list().map((e) => e.clientId);
const mode = (path: string) => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';
/** The record files (not temporary files being written, *.tmp). */
const records = (dir: string) =>
  existsSync(join(dir, 'history'))
    ? readdirSync(join(dir, 'history')).filter((f) => f.endsWith('.json'))
    : [];

describe('JsonFileStorage', () => {
  it('has no records in a folder not created yet, and reads back what was written', async () => {
    const storage = new JsonFileStorage(join(folder(), 'not-created-yet'));
    assert.deepEqual(storage.names(), []);
    assert.equal(storage.read('r'), undefined);
    await storage.create('r', { a: [1, 'two'] });
    assert.deepEqual(storage.names(), ['r']);
    assert.deepEqual(storage.read('r'), { a: [1, 'two'] });
    await storage.delete(['r', 'never-there']);
    assert.deepEqual(storage.names(), []);
  });

  it('one file per session in <folder>/history, on disk when record() resolves, no temporary file left', async () => {
    const dir = folder();
    const store = open(dir);
    for (const name of ['a', 'b', 'c']) await store.record(entry(name), { forbidden: [] });
    const files = records(dir);
    assert.equal(files.length, 3);
    assert.ok(
      files.every((f) => /^\d{16}-[0-9a-f]{16}-[0-9a-f]{16}\.json$/.test(f)),
      files.join(' '),
    );
    assert.deepEqual(clients(open(dir)), ['c', 'b', 'a']);
    await store.remove(store.list()[1]?.id ?? '');
    assert.equal(records(dir).length, 2);
    assert.deepEqual(clients(open(dir)), ['c', 'a']);
  });

  it('the folders are private (0700) and every file 0600', { skip: !posix && 'POSIX modes' }, async () => {
    const global = join(folder(), 'globalStorage');
    const store = open(global);
    await store.record(entry('a'), { forbidden: [] });
    assert.equal(mode(global).toString(8), '700', 'global storage folder');
    assert.equal(mode(join(global, 'history')).toString(8), '700', 'history folder');
    for (const f of readdirSync(join(global, 'history'))) {
      assert.equal(mode(join(global, 'history', f)).toString(8), '600', f);
    }
    // A folder an earlier release created with the default mode is made private on the first write.
    const older = folder();
    mkdirSync(join(older, 'history'), { mode: 0o755 });
    await open(older).record(entry('b'), { forbidden: [] });
    assert.equal(mode(join(older, 'history')).toString(8), '700');
  });

  it('a damaged record file is moved aside, byte for byte, reported once, and the others kept', async () => {
    const dir = folder();
    const store = open(dir);
    await store.record(entry('a'), { forbidden: [] });
    await store.record(entry('b'), { forbidden: [] });
    const [first] = records(dir).sort();
    writeFileSync(join(dir, 'history', first as string), '{"version":1,"entry":{"id":"x","clie');
    const reopened = open(dir);
    const warnings = await reopened.load();
    assert.deepEqual(
      warnings.map((w) => w.kind),
      ['corrupt'],
    );
    assert.deepEqual(clients(reopened), ['b']);
    const movedTo = warnings[0]?.movedTo ?? '';
    assert.match(movedTo, /history[/\\]idenfy\.history\.corrupt\.\d+\.\d+\.json$/);
    assert.equal(readFileSync(movedTo, 'utf8'), '{"version":1,"entry":{"id":"x","clie');
    assert.match(warnings[0]?.message ?? '', /kept in ".*idenfy\.history\.corrupt/);
    if (posix) assert.equal(mode(movedTo).toString(8), '600');
    assert.deepEqual(await open(dir).load(), [], 'reported by the window that moved it, once');
  });

  it('a history file of an earlier release (JSON Lines) becomes records, in order, and is deleted', async () => {
    const dir = folder();
    const [a, b, c] = [entry('a'), entry('b'), entry('c')];
    const lines = [
      JSON.stringify({ version: 1, entries: [a] }),
      JSON.stringify({ add: b, keep: 2 }),
      JSON.stringify({ add: c, keep: 3 }),
    ];
    writeFileSync(join(dir, `${HISTORY_KEY}.json`), `${lines.join('\n')}\n`);
    const store = open(dir);
    assert.deepEqual(clients(store), ['c', 'b', 'a'], 'shown at once');
    assert.deepEqual(await store.load(), []);
    assert.deepEqual(readdirSync(dir), ['history']);
    assert.deepEqual(clients(open(dir)), ['c', 'b', 'a']);
  });

  it('an old history file with a line cut short is kept aside and reported; the readable entries are kept', async () => {
    const dir = folder();
    const [a, b] = [entry('a'), entry('b')];
    const text = `${JSON.stringify({ version: 1, entries: [a] })}\n${JSON.stringify({ add: b, keep: 2 })}\n{"add":{"id":"c","clie`;
    writeFileSync(join(dir, `${HISTORY_KEY}.json`), text);
    const store = open(dir);
    const warnings = await store.load();
    assert.equal(warnings[0]?.kind, 'invalid_entries');
    assert.deepEqual(clients(store), ['b', 'a']);
    assert.equal(readFileSync(warnings[0]?.movedTo ?? '', 'utf8'), text, 'the original, untouched');
    assert.deepEqual(clients(open(dir)), ['b', 'a']);
  });

  it('an old history file that is not JSON is kept aside byte for byte, and recording works', async () => {
    const dir = folder();
    writeFileSync(join(dir, `${HISTORY_KEY}.json`), '{"version": 1, "entries": [ truncated');
    const store = open(dir);
    const warnings = await store.load();
    assert.deepEqual(
      warnings.map((w) => w.kind),
      ['corrupt'],
    );
    assert.equal(readFileSync(warnings[0]?.movedTo ?? '', 'utf8'), '{"version": 1, "entries": [ truncated');
    await store.record(entry('bob'), { forbidden: [] });
    assert.deepEqual(clients(open(dir)), ['bob']);
  });

  it('an old file of another format version is kept aside, not dropped', async () => {
    const dir = folder();
    const old = { version: 0, sessions: [{ scanRef: 'x' }] };
    writeFileSync(join(dir, `${HISTORY_KEY}.json`), JSON.stringify(old));
    const warnings = await open(dir).load();
    assert.equal(warnings[0]?.kind, 'unsupported_version');
    assert.deepEqual(JSON.parse(readFileSync(warnings[0]?.movedTo ?? '', 'utf8')), old);
  });

  it('a claim left by a migration that died is migrated by the next window; a live one is not', async () => {
    const dir = folder();
    const text = JSON.stringify({ version: 1, entries: [entry('a')] });
    // pid 2^22+1 is above Linux's and macOS's pid limits: no such process.
    writeFileSync(join(dir, `${HISTORY_KEY}.json.migrating-4194305-0`), text);
    writeFileSync(join(dir, `${HISTORY_KEY}.json.migrating-${process.pid}-99`), text);
    const store = open(dir);
    await store.load();
    assert.deepEqual(clients(store), ['a']);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.startsWith(HISTORY_KEY)),
      [`${HISTORY_KEY}.json.migrating-${process.pid}-99`],
    );
  });

  it('Clear Session History deletes every record and every damaged-data copy, old or new', async () => {
    const dir = folder();
    writeFileSync(join(dir, `${HISTORY_KEY}.corrupt.1700000000000.json`), "an earlier release's copy");
    writeFileSync(join(dir, `${HISTORY_KEY}.json`), 'not json');
    const store = open(dir);
    assert.equal((await store.load()).length, 1);
    await store.record(entry('a'), { forbidden: [] });
    // Half-written records: one left by a crash an hour ago, one being written by another window now.
    const crashed = join(dir, 'history', 'left-by-a-crash.json.123-0.tmp');
    writeFileSync(crashed, '{"version":1,"entry":{"clientId":"half');
    utimesSync(crashed, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    writeFileSync(join(dir, 'history', 'in-progress.json.456-0.tmp'), '{"version":1,');
    await store.clear();
    assert.deepEqual(readdirSync(dir), ['history']);
    assert.deepEqual(readdirSync(join(dir, 'history')), ['in-progress.json.456-0.tmp']);
  });

  it('retention: sessions older than the setting are deleted on load and on record', async () => {
    const dir = folder();
    const day = 86_400_000;
    const now = Date.UTC(2026, 5, 30);
    const writer = open(dir);
    await writer.record(entry('old', new Date(now - 31 * day)), { forbidden: [] });
    await writer.record(entry('recent', new Date(now - 29 * day)), { forbidden: [] });
    let days = 30;
    const store = new HistoryStore(new JsonFileStorage(dir), { retentionDays: () => days, now: () => now });
    assert.deepEqual(clients(store), ['recent']);
    await store.load();
    assert.equal(records(dir).length, 1, 'the old session is deleted from disk');
    // On record: a shorter setting takes effect at the next change.
    days = 10;
    await store.record(entry('new', new Date(now)), { forbidden: [] });
    assert.deepEqual(clients(store), ['new']);
    assert.deepEqual(clients(open(dir)), ['new']);
    // 0 keeps everything.
    days = 0;
    await store.record(entry('ancient', new Date(now - 400 * day)), { forbidden: [] });
    assert.deepEqual(clients(open(dir)), ['ancient', 'new']);
  });

  it('a store that watches the folder follows another store without reload()', async () => {
    const dir = folder();
    const writer = open(dir);
    const reader = open(dir);
    const watching = reader.watch();
    const seen = new Promise<string[]>((resolve) => {
      reader.onDidChange((entries) => resolve(entries.map((e) => e.clientId)));
    });
    await writer.record(entry('a'), { forbidden: [] });
    assert.deepEqual(await seen, ['a']);
    watching.dispose();
  });
});

describe('JsonFileStorage and HistoryStore: what is written is what is read', () => {
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
        // A small cap, so sessions fall off the end and come back.
        const store = new HistoryStore(new JsonFileStorage(dir), { maxEntries: 4 });
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
          await reopened.load();
          assert.equal(
            records(dir).length,
            ids.length,
            'superseded entries and entries over the cap are deleted',
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
