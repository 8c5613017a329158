import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createHistoryEntry,
  type HistoryEntry,
  HistoryRecordError,
  HistoryStore,
  isExpired,
  MAX_HISTORY_ENTRIES,
} from '../../src/history/store.js';
import { MapStorage } from '../support/map-history-storage.js';

const API_KEY = 'key-7f3a9c';
const API_SECRET = 'secret-Zq81xW';
const guard = { forbidden: [API_KEY, API_SECRET] };

function entry(n: number, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return createHistoryEntry({
    id: `id-${n}`,
    now: new Date(Date.UTC(2025, 0, 1, 0, 0, n)),
    target: 'emulator',
    baseUrl: 'http://127.0.0.1:3000',
    response: { clientId: `client-${n}`, scanRef: `scan-${n}`, authToken: `token-${n}`, expiryTime: 600 },
    ...extra,
  });
}

const ids = (store: HistoryStore) => store.list().map((e) => e.id);

describe('createHistoryEntry and isExpired', () => {
  test('expiresAt is createdAt plus the response expiryTime', () => {
    const e = entry(0);
    assert.equal(e.createdAt, '2025-01-01T00:00:00.000Z');
    assert.equal(e.expiresAt, '2025-01-01T00:10:00.000Z');
    assert.deepEqual([e.clientId, e.scanRef, e.authToken], ['client-0', 'scan-0', 'token-0']);
  });

  test('expiry defaults to 86400 seconds when the response has none', () => {
    const e = createHistoryEntry({
      now: new Date('2025-01-01T00:00:00.000Z'),
      target: 'idenfy',
      baseUrl: 'https://ivs.idenfy.com',
      response: { clientId: 'c', scanRef: 's', authToken: 't' },
    });
    assert.equal(e.expiresAt, '2025-01-02T00:00:00.000Z');
    assert.match(e.id, /^[0-9a-f-]{36}$/);
  });

  test('an expiryTime that is not a positive number falls back to the default', () => {
    for (const expiryTime of ['600', 0, -5, null]) {
      const e = createHistoryEntry({
        now: new Date('2025-01-01T00:00:00.000Z'),
        target: 'idenfy',
        baseUrl: 'https://ivs.idenfy.com',
        response: { clientId: 'c', scanRef: 's', authToken: 't', expiryTime },
      });
      assert.equal(e.expiresAt, '2025-01-02T00:00:00.000Z', String(expiryTime));
    }
  });

  test('a response without scanRef cannot become an entry', () => {
    assert.throws(
      () =>
        createHistoryEntry({ target: 'idenfy', baseUrl: 'x', response: { clientId: 'c', authToken: 't' } }),
      /no "scanRef"/,
    );
  });

  test('isExpired is false before expiresAt and true from it on', () => {
    const e = entry(0);
    const expires = Date.parse(e.expiresAt);
    assert.equal(isExpired(e, expires - 1), false);
    assert.equal(isExpired(e, new Date(expires)), true);
    assert.equal(isExpired({ ...e, expiresAt: 'never' }, 0), true);
  });
});

describe('HistoryStore: basic operations', () => {
  test('missing storage is an empty history without warnings or writes', async () => {
    const storage = new MapStorage();
    const store = new HistoryStore(storage);
    assert.deepEqual(await store.load(), []);
    assert.deepEqual(store.list(), []);
    assert.deepEqual(storage.writes, []);
  });

  test('record lists newest first and stores the versioned format', async () => {
    const storage = new MapStorage();
    const store = new HistoryStore(storage);
    await store.record(entry(1), guard);
    await store.record(entry(2), guard);
    assert.deepEqual(ids(store), ['id-2', 'id-1']);
    // One record per entry, each versioned; the names order them (see records.ts).
    assert.deepEqual(
      [...storage.data.entries()].sort().map(([, v]) => v),
      [
        { version: 1, entry: entry(1) },
        { version: 1, entry: entry(2) },
      ],
    );
  });

  test('recording an existing id replaces it and moves it to the top', async () => {
    const store = new HistoryStore(new MapStorage());
    await store.record(entry(1), guard);
    await store.record(entry(2), guard);
    await store.record({ ...entry(1), clientId: 'renamed' }, guard);
    assert.deepEqual(ids(store), ['id-1', 'id-2']);
    assert.equal(store.get('id-1')?.clientId, 'renamed');
  });

  test('record resolves only after the storage write has finished', async () => {
    let finish: () => void = () => assert.fail('update was not called');
    const storage = new MapStorage();
    const create = storage.create.bind(storage);
    storage.create = (name, value) =>
      new Promise<void>((resolve) => {
        finish = () => void create(name, value).then(resolve);
      });
    const store = new HistoryStore(storage);
    let done = false;
    const recording = store.record(entry(1), guard).then(() => {
      done = true;
    });
    await new Promise(setImmediate);
    assert.equal(done, false);
    assert.deepEqual(store.list(), [], 'memory must not run ahead of storage');
    finish();
    await recording;
    assert.deepEqual(ids(store), ['id-1']);
  });

  test('concurrent records all persist', async () => {
    const storage = new MapStorage();
    const store = new HistoryStore(storage);
    await Promise.all([1, 2, 3].map((n) => store.record(entry(n), guard)));
    assert.deepEqual(ids(new HistoryStore(storage)), ['id-3', 'id-2', 'id-1']);
  });

  test('a second store on the same storage sees the entries', async () => {
    const storage = new MapStorage();
    const first = new HistoryStore(storage);
    await first.record(entry(1), guard);
    await first.record(entry(2), guard);
    const second = new HistoryStore(storage);
    assert.deepEqual(second.list(), [entry(2), entry(1)]);
    assert.deepEqual(second.warnings, []);
  });

  test('remove deletes one entry and reports whether it existed', async () => {
    const storage = new MapStorage();
    const store = new HistoryStore(storage);
    await store.record(entry(1), guard);
    await store.record(entry(2), guard);
    assert.equal(await store.remove('id-1'), true);
    assert.equal(await store.remove('id-9'), false);
    assert.deepEqual(ids(new HistoryStore(storage)), ['id-2']);
  });

  test('clear empties the history in storage too', async () => {
    const storage = new MapStorage();
    const store = new HistoryStore(storage);
    await store.record(entry(1), guard);
    await store.clear();
    assert.deepEqual(store.list(), []);
    assert.deepEqual(storage.names(), []);
  });

  test('later changes to the recorded object do not reach the history', async () => {
    const store = new HistoryStore(new MapStorage());
    const nested = { status: 'ACTIVE' };
    const e = entry(1);
    e.response.details = nested;
    await store.record(e, guard);
    nested.status = 'changed';
    assert.deepEqual(store.list()[0]?.response.details, { status: 'ACTIVE' });
  });

  test('recorded entries are frozen: a consumer of list() cannot change the history', async () => {
    const storage = new MapStorage();
    const store = new HistoryStore(storage);
    await store.record(entry(1), guard);
    const [saved] = store.list();
    assert.throws(() => {
      (saved as { clientId: string }).clientId = 'changed';
    }, TypeError);
    assert.throws(() => {
      (saved?.response as Record<string, unknown>).scanRef = 'changed';
    }, TypeError);
    assert.equal(store.list()[0]?.clientId, entry(1).clientId);
    // Entries read back from storage too.
    const reloaded = new HistoryStore(storage);
    assert.ok(Object.isFrozen(reloaded.list()[0]?.response));
  });

  test('a handed-over entry is kept without a copy and frozen where it is', async () => {
    const store = new HistoryStore(new MapStorage());
    const e = entry(1);
    e.response.details = { status: 'ACTIVE' };
    const saved = await store.record(e, { ...guard, handOver: true });
    assert.equal(saved.response, e.response);
    assert.ok(Object.isFrozen(e.response) && Object.isFrozen(e.response.details));
    assert.throws(() => {
      (e.response.details as { status: string }).status = 'changed';
    }, TypeError);
  });

  test('a handed-over entry not made by createHistoryEntry is still checked and stripped', async () => {
    const store = new HistoryStore(new MapStorage());
    const stray = { ...entry(1), note: 'not a history field' } as HistoryEntry;
    const saved = await store.record(stray, { ...guard, handOver: true });
    assert.equal('note' in saved, false);
    await assert.rejects(
      store.record({ ...entry(2), createdAt: 'yesterday' }, { ...guard, handOver: true }),
      (err: unknown) => err instanceof HistoryRecordError && err.reason === 'invalid',
    );
  });

  test('an entry from createHistoryEntry cannot be changed behind its back', () => {
    const e = entry(1);
    assert.throws(() => {
      (e as { createdAt: string }).createdAt = 'yesterday';
    }, TypeError);
  });

  test('the history keeps the newest 200 entries by default', async () => {
    const store = new HistoryStore(new MapStorage());
    for (let n = 0; n <= 200; n++) await store.record(entry(n), guard);
    assert.equal(MAX_HISTORY_ENTRIES, 200);
    assert.equal(store.list().length, 200);
    assert.equal(store.list()[0]?.id, 'id-200');
    assert.equal(store.get('id-0'), undefined);
  });

  test('stored entries over the cap are trimmed to the newest on load, and deleted', async () => {
    const storage = new MapStorage();
    const writer = new HistoryStore(storage);
    for (const n of [1, 2, 3]) await writer.record(entry(n), guard);
    const store = new HistoryStore(storage, { maxEntries: 2 });
    assert.deepEqual(ids(store), ['id-3', 'id-2']);
    await store.load();
    assert.deepEqual(ids(new HistoryStore(storage)), ['id-3', 'id-2']);
  });

  test('maxEntries drops the oldest', async () => {
    const store = new HistoryStore(new MapStorage(), { maxEntries: 2 });
    for (const n of [1, 2, 3]) await store.record(entry(n), guard);
    assert.deepEqual(ids(store), ['id-3', 'id-2']);
  });
});

describe('HistoryStore: change listeners', () => {
  test('onDidChange gets the new list after each change until disposed', async () => {
    const store = new HistoryStore(new MapStorage());
    const seen: string[][] = [];
    const subscription = store.onDidChange((entries) => seen.push(entries.map((e) => e.id)));
    await store.record(entry(1), guard);
    await store.remove('nope');
    await store.remove('id-1');
    subscription.dispose();
    await store.record(entry(2), guard);
    assert.deepEqual(seen, [['id-1'], []]);
  });

  test('a throwing listener does not fail the write', async () => {
    const errors: unknown[] = [];
    const store = new HistoryStore(new MapStorage(), { onError: (e) => errors.push(e) });
    store.onDidChange(() => {
      throw new Error('listener bug');
    });
    await store.record(entry(1), guard);
    assert.deepEqual(ids(store), ['id-1']);
    assert.equal(errors.length, 1);
  });
});

describe('HistoryStore: secret guard and validation', () => {
  test('an entry whose response contains the API key is refused and nothing is written', async () => {
    const storage = new MapStorage();
    const store = new HistoryStore(storage);
    const leaky = entry(1);
    leaky.response.debug = { echo: [`Basic ${API_KEY}:x`] };
    const error = await store.record(leaky, guard).then(
      () => assert.fail('record should refuse'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof HistoryRecordError);
    assert.equal(error.reason, 'secret');
    assert.deepEqual(error.paths, ['response.debug.echo[0]']);
    assert.ok(!error.message.includes(API_KEY), 'the error must not repeat the secret');
    assert.deepEqual(storage.writes, []);
    assert.deepEqual(store.list(), []);
  });

  test('a secret in a top-level field such as baseUrl is refused', async () => {
    const store = new HistoryStore(new MapStorage());
    const leaky = entry(1, { baseUrl: `https://${API_KEY}:${API_SECRET}@ivs.idenfy.com` });
    await assert.rejects(store.record(leaky, guard), { name: 'HistoryRecordError', paths: ['baseUrl'] });
  });

  test('a secret used as an object key is refused without printing it', async () => {
    const store = new HistoryStore(new MapStorage());
    const leaky = entry(1);
    leaky.response[API_SECRET] = true;
    await assert.rejects(store.record(leaky, guard), (e: unknown) => {
      assert.ok(e instanceof HistoryRecordError);
      assert.deepEqual(e.paths, ['response.<key containing a secret>']);
      assert.ok(!e.message.includes(API_SECRET));
      return true;
    });
  });

  test('blank credentials do not block every entry', async () => {
    const store = new HistoryStore(new MapStorage());
    await store.record(entry(1), { forbidden: ['', '  '] });
    assert.deepEqual(ids(store), ['id-1']);
  });

  test('fields outside the entry type are not stored', async () => {
    const storage = new MapStorage();
    const store = new HistoryStore(storage);
    await store.record({ ...entry(1), apiKey: 'unlisted' } as HistoryEntry, guard);
    assert.equal('apiKey' in (storage.entries()[0] ?? {}), false);
  });

  test('an invalid entry is refused with the field named', async () => {
    const store = new HistoryStore(new MapStorage());
    const bad = { ...entry(1), target: 'production' } as unknown as HistoryEntry;
    await assert.rejects(store.record(bad, guard), {
      name: 'HistoryRecordError',
      reason: 'invalid',
      paths: ['target'],
    });
    await assert.rejects(store.record({ ...entry(1), id: '' }, guard), { reason: 'invalid', paths: ['id'] });
  });
});

describe('HistoryStore: damaged or foreign data is kept aside', () => {
  const clock = () => 1_700_000_000_000;
  const aside = 'idenfy.history.corrupt.1700000000000';

  /** A history in the single-value format of earlier releases. */
  async function openWith(raw: unknown) {
    const storage = new MapStorage();
    storage.legacy = raw;
    const store = new HistoryStore(storage, { now: clock });
    const warnings = await store.load();
    return { storage, store, warnings };
  }

  test("an earlier release's history becomes one record per entry, in the same order, once", async () => {
    const { storage, store, warnings } = await openWith({
      version: 1,
      entries: [entry(3), entry(2), entry(1)],
    });
    assert.deepEqual(warnings, []);
    assert.deepEqual(ids(store), ['id-3', 'id-2', 'id-1']);
    assert.equal(storage.legacy, undefined, 'the original is deleted once migrated');
    assert.equal(storage.data.size, 3);
    assert.deepEqual(ids(new HistoryStore(storage)), ['id-3', 'id-2', 'id-1']);
    // A new session goes in front of the migrated ones.
    await store.record(entry(0), guard);
    assert.deepEqual(ids(new HistoryStore(storage)), ['id-0', 'id-3', 'id-2', 'id-1']);
  });

  for (const [label, raw] of [
    ['a string', 'garbage'],
    ['an array', [entry(1)]],
    ['null', null],
    ['an object without version', { entries: [entry(1)] }],
    ['entries that are not an array', { version: 1, entries: 'x' }],
  ] as const) {
    test(`${label} is corrupt: kept aside, reported, history starts empty`, async () => {
      const { storage, store, warnings } = await openWith(raw);
      assert.deepEqual(
        warnings.map((w) => [w.kind, w.movedTo]),
        [['corrupt', aside]],
      );
      assert.match(warnings[0]?.message ?? '', /could not be fully read/);
      assert.deepEqual(storage.aside.get(aside), raw);
      assert.deepEqual(storage.names(), []);
      assert.deepEqual(store.list(), []);
    });
  }

  test('the warning says why the data could not be read', async () => {
    assert.match((await openWith([entry(1)])).warnings[0]?.message ?? '', /\(it is not an object\)/);
    assert.match(
      (await openWith({ version: 1 })).warnings[0]?.message ?? '',
      /\(its entry list is missing\)/,
    );
  });

  test('another format version is kept aside untouched and reported', async () => {
    const older = { version: 0, entries: [{ token: 'old-style' }, { token: 'old-2' }] };
    const { storage, warnings } = await openWith(older);
    assert.deepEqual(
      warnings.map((w) => [w.kind, w.droppedEntries]),
      [['unsupported_version', 2]],
    );
    assert.match(warnings[0]?.message ?? '', /format version 0/);
    assert.deepEqual(storage.aside.get(aside), older);
  });

  test('damaged entries are reported, readable ones kept, the original kept aside', async () => {
    const raw = { version: 1, entries: [entry(2), { id: 'broken' }, entry(1)] };
    const { storage, store, warnings } = await openWith(raw);
    assert.deepEqual(ids(store), ['id-2', 'id-1']);
    assert.deepEqual(
      warnings.map((w) => [w.kind, w.droppedEntries]),
      [['invalid_entries', 1]],
    );
    assert.deepEqual(storage.aside.get(aside), raw);
    assert.deepEqual(ids(new HistoryStore(storage)), ['id-2', 'id-1']);
  });

  test('a damaged record is set aside once, reported, and the others kept', async () => {
    const storage = new MapStorage();
    const writer = new HistoryStore(storage);
    await writer.record(entry(1), guard);
    await writer.record(entry(2), guard);
    const [damaged] = [...storage.data.keys()].sort();
    storage.data.set(damaged as string, '{"version":1,"entry":{"id":"id-1","clie');
    const store = new HistoryStore(storage, { now: clock });
    const warnings = await store.load();
    assert.deepEqual(
      warnings.map((w) => [w.kind, w.movedTo]),
      [['corrupt', aside]],
    );
    assert.deepEqual(ids(store), ['id-2']);
    assert.equal(storage.aside.get(aside), '{"version":1,"entry":{"id":"id-1","clie');
    assert.deepEqual(await new HistoryStore(storage).load(), [], 'reported once, not at every start');
  });

  test('a record damaged later (by another process) is reported through onWarning on reload', async () => {
    const storage = new MapStorage();
    const seen: string[] = [];
    const store = new HistoryStore(storage, { now: clock, onWarning: (w) => seen.push(w.kind) });
    await store.record(entry(1), guard);
    storage.data.set('0000000000000001-0000000000000000-0000000000000000', { version: 2, entry: {} });
    const found = await store.reload();
    assert.deepEqual(
      found.map((w) => w.kind),
      ['unsupported_version'],
    );
    assert.deepEqual(seen, ['unsupported_version']);
    assert.deepEqual(ids(store), ['id-1']);
  });

  test('an existing copy is not overwritten', async () => {
    const storage = new MapStorage();
    storage.aside.set(aside, 'earlier copy');
    storage.legacy = 'garbage';
    const store = new HistoryStore(storage, { now: clock });
    await store.load();
    assert.equal(store.warnings[0]?.movedTo, `${aside}-1`);
    assert.equal(storage.aside.get(aside), 'earlier copy');
    assert.equal(storage.aside.get(`${aside}-1`), 'garbage');
  });

  test('if the copy cannot be made, load() fails and the original stays untouched', async () => {
    const storage = new MapStorage();
    storage.legacy = 'garbage';
    storage.failAside = true;
    const store = new HistoryStore(storage, { now: clock });
    await assert.rejects(store.load(), /cannot set aside/);
    await store.record(entry(1), guard);
    assert.equal(storage.legacy, 'garbage');
    assert.deepEqual(ids(store), ['id-1']);
  });

  test('clear also deletes every copy set aside', async () => {
    const { storage, store } = await openWith('garbage');
    await store.record(entry(1), guard);
    await store.clear();
    assert.deepEqual([...storage.aside.keys()], []);
    assert.deepEqual(storage.names(), []);
  });
});

describe('HistoryStore: one storage, several stores (windows)', () => {
  test('a session is never shown twice: the same scanRef under another id replaces the older entry', async () => {
    const storage = new MapStorage();
    const store = new HistoryStore(storage);
    await store.record(entry(1), guard);
    await store.record(entry(2), guard);
    await store.record({ ...entry(1), id: 'other-id' }, guard);
    assert.deepEqual(ids(store), ['other-id', 'id-2']);
    assert.equal(storage.data.size, 2, 'the older record is deleted');
    assert.deepEqual(ids(new HistoryStore(storage)), ['other-id', 'id-2']);
  });

  test('the same session recorded by two windows is shown once, the newer record', async () => {
    const storage = new MapStorage();
    const first = new HistoryStore(storage);
    const second = new HistoryStore(storage);
    await first.record(entry(1), guard);
    await second.record({ ...entry(1), id: 'again' }, guard);
    assert.deepEqual(ids(new HistoryStore(storage)), ['again']);
    assert.deepEqual(await first.reload(), []);
    assert.deepEqual(ids(first), ['again']);
  });

  test("reload() picks up another store's records and removals, and tells listeners once", async () => {
    const storage = new MapStorage();
    const mine = new HistoryStore(storage);
    const theirs = new HistoryStore(storage);
    await mine.record(entry(1), guard);
    const seen: string[][] = [];
    mine.onDidChange((entries) => seen.push(entries.map((e) => e.id)));
    await theirs.record(entry(2), guard);
    await theirs.remove('id-1');
    assert.deepEqual(ids(mine), ['id-1'], 'not yet reloaded');
    assert.deepEqual(await mine.reload(), []);
    assert.deepEqual(ids(mine), ['id-2']);
    await mine.reload();
    assert.deepEqual(seen, [['id-2']]);
  });

  test('remove() goes by what is stored now, even a record this store has not listed yet', async () => {
    const storage = new MapStorage();
    const mine = new HistoryStore(storage);
    const theirs = new HistoryStore(storage);
    await theirs.record(entry(1), guard);
    await mine.record(entry(2), guard);
    await theirs.record(entry(3), guard);
    assert.equal(await mine.remove('id-3'), true);
    assert.deepEqual(ids(mine), ['id-2', 'id-1'], 'and the list is brought up to date on the way');
    assert.deepEqual(ids(new HistoryStore(storage)), ['id-2', 'id-1']);
  });

  test('a new entry goes first even after entries another store stamped later', async () => {
    const storage = new MapStorage();
    const late = new HistoryStore(storage, { now: () => 2_000_000_000_000 });
    await late.record(entry(1), guard);
    const early = new HistoryStore(storage, { now: () => 1_000_000_000_000 });
    await early.record(entry(2), guard);
    assert.deepEqual(ids(new HistoryStore(storage)), ['id-2', 'id-1']);
  });
});

describe('HistoryStore: retention', () => {
  const day = 86_400_000;
  const now = Date.UTC(2025, 0, 31);
  const aged = (n: number, days: number) =>
    createHistoryEntry({
      id: `id-${n}`,
      now: new Date(now - days * day),
      target: 'emulator',
      baseUrl: 'http://127.0.0.1:3000',
      response: { clientId: `client-${n}`, scanRef: `scan-${n}`, authToken: `token-${n}` },
    });

  test('on load, entries created more than retentionDays ago are deleted from storage', async () => {
    const storage = new MapStorage();
    const writer = new HistoryStore(storage);
    await writer.record(aged(1, 31), guard);
    await writer.record(aged(2, 30), guard);
    const store = new HistoryStore(storage, { retentionDays: 30, now: () => now });
    assert.deepEqual(ids(store), ['id-2']);
    await store.load();
    assert.equal(storage.data.size, 1);
  });

  test('on record, an entry already past retention is not written, and older ones go', async () => {
    const storage = new MapStorage();
    let clock = now;
    const store = new HistoryStore(storage, { retentionDays: 30, now: () => clock });
    await store.record(aged(1, 1), guard);
    await store.record(aged(2, 40), guard);
    assert.deepEqual(ids(store), ['id-1']);
    assert.equal(storage.writes.filter((w) => w.startsWith('create')).length, 1);
    clock = now + 30 * day;
    await store.record(aged(3, -30), guard);
    assert.deepEqual(ids(store), ['id-3']);
    assert.deepEqual(ids(new HistoryStore(storage)), ['id-3']);
  });

  test('0 (or no setting) keeps every entry', async () => {
    const storage = new MapStorage();
    await new HistoryStore(storage).record(aged(1, 4000), guard);
    assert.deepEqual(ids(new HistoryStore(storage, { retentionDays: 0, now: () => now })), ['id-1']);
  });
});

describe('HistoryStore.setStatus', () => {
  const denied = { overall: 'DENIED', checkedAt: '2025-01-01T00:05:00.000Z' };

  test("stores the status in the session's one record before resolving; other processes read it", async () => {
    const storage = new MapStorage();
    const store = new HistoryStore(storage);
    await store.record(entry(1), guard);
    await store.record(entry(2), guard);
    const changes: string[] = [];
    store.onDidChange((list) => changes.push(String(list.find((e) => e.id === 'id-1')?.status?.overall)));
    const saved = await store.setStatus('id-1', denied);
    assert.deepEqual(saved?.status, denied);
    assert.deepEqual(store.get('id-1')?.status, denied);
    assert.deepEqual(changes, ['DENIED']);
    // Still one record per session, and the status is on storage (another window sees it).
    assert.equal(storage.data.size, 2);
    assert.deepEqual(new HistoryStore(storage).get('id-1')?.status, denied);
    // The rest of the entry is untouched.
    assert.deepEqual({ ...saved, status: undefined }, { ...entry(1), status: undefined });
  });

  test('an entry removed meanwhile (by another window) is not brought back', async () => {
    const storage = new MapStorage();
    const store = new HistoryStore(storage);
    await store.record(entry(1), guard);
    await new HistoryStore(storage).remove('id-1');
    assert.equal(await store.setStatus('id-1', denied), undefined);
    assert.equal(storage.data.size, 0);
    assert.equal(await store.setStatus('id-unknown', denied), undefined);
  });

  test('a status that is not one is refused without writing', async () => {
    const storage = new MapStorage();
    const store = new HistoryStore(storage);
    await store.record(entry(1), guard);
    await assert.rejects(store.setStatus('id-1', { overall: '', checkedAt: 'never' }), HistoryRecordError);
    assert.equal(store.get('id-1')?.status, undefined);
  });
});
