/**
 * Reliability, history durability (the unit part): a created session is in storage before
 * sendRequest returns, so no later UI step or crash can lose it; a storage failure never turns a
 * created session into a failure; damaged or older history data is reported and kept aside, never
 * silently dropped. End to end through HistoryStore + sendRequest + emulator.
 *
 * history-store.test.ts covers the store on its own in depth (every kind of damage, key
 * collisions, write ordering, the cap, listeners); these tests tie it to the send path.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { type Emulator, startEmulator } from '../../src/emulator/server';
import { HistoryStore } from '../../src/history/store';
import { emulatorTarget, MapStorage, sendThrough } from '../support/reliability';

const BODY = '{"clientId":"history-1","firstName":"John"}';
const clock = () => 1_700_000_000_000;
const ASIDE = 'idenfy.history.corrupt.1700000000000';

let emu: Emulator;
let storage: MapStorage;

beforeEach(async () => {
  emu = await startEmulator();
  storage = new MapStorage();
});
afterEach(async () => {
  await emu.close();
});

/** The entries in storage (not the store's memory). */
const stored = () => storage.entries() as { scanRef: string; clientId: string; authToken: string }[];

describe('history durability through sendRequest', { timeout: 30_000 }, () => {
  test('the entry is in storage before sendRequest returns, even when the write is slow', async () => {
    storage.delayMs = 150; // a slow disk: the write lands well after the response arrived
    const history = new HistoryStore(storage);
    const { outcome } = await sendThrough(emulatorTarget(emu), history, BODY);
    // Read the storage, not the store's memory, at the first moment the caller (the UI) runs.
    const onDisk = stored();
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    if (!outcome.ok) return;
    assert.equal(outcome.historyError, undefined);
    assert.equal(onDisk.length, 1, 'the entry was not persisted when sendRequest returned');
    assert.equal(onDisk[0]?.scanRef, outcome.entry.scanRef);
    assert.equal(onDisk[0]?.authToken, outcome.response.authToken);
    // A window that starts now (after a crash of the UI step) sees the session.
    assert.deepEqual(
      new HistoryStore(storage).list().map((e) => e.scanRef),
      [outcome.entry.scanRef],
    );
  });

  test('a failed storage write still returns the created session, with historyError set', async () => {
    storage.failWrites = true;
    const history = new HistoryStore(storage);
    const { outcome, log } = await sendThrough(emulatorTarget(emu), history, BODY);
    assert.equal(outcome.ok, true, 'a created session was turned into a failure');
    if (!outcome.ok) return;
    assert.match(outcome.historyError ?? '', /disk full/);
    assert.equal(outcome.entry.clientId, 'history-1');
    assert.equal(outcome.entry.scanRef, outcome.response.scanRef);
    assert.equal(typeof outcome.response.authToken, 'string', 'the token is still there to show');
    assert.equal(emu.requests, 1, 'the POST was not repeated because the save failed');
    assert.equal(log.length, 1);
    assert.deepEqual(stored(), []);

    // The disk recovers: the next session is saved normally.
    storage.failWrites = false;
    const next = await sendThrough(emulatorTarget(emu), history, BODY);
    assert.equal(next.outcome.ok && next.outcome.historyError, undefined);
    assert.equal(stored().length, 1);
  });

  test('an entry the history refuses (the secret pasted into the request) is still a created session', async () => {
    // The emulator echoes clientId, so the response carries the secret: the store refuses to keep it.
    const body = JSON.stringify({ clientId: emu.apiSecret });
    const history = new HistoryStore(storage);
    const { outcome, log } = await sendThrough(emulatorTarget(emu), history, body);
    assert.equal(outcome.ok, true);
    if (!outcome.ok) return;
    assert.ok(!log.join('\n').includes(emu.apiSecret), 'the log quotes the secret');
    assert.match(outcome.historyError ?? '', /contain the API key or secret: clientId, response\.clientId/);
    assert.ok(!(outcome.historyError ?? '').includes(emu.apiSecret), 'the error quotes the secret');
    assert.deepEqual(stored(), [], 'nothing with the secret reached storage');
  });

  test('a corrupt history value is reported, kept aside, and sending still records', async () => {
    storage.legacy = '{"version":1,"entries":[{"scanRef":"trunc';
    const history = new HistoryStore(storage, { now: clock });
    const warnings = await history.load();
    assert.deepEqual(
      warnings.map((w) => [w.kind, w.movedTo]),
      [['corrupt', ASIDE]],
    );
    assert.match(warnings[0]?.message ?? '', /kept in "idenfy\.history\.corrupt\.1700000000000"/);

    const { outcome } = await sendThrough(emulatorTarget(emu), history, BODY);
    assert.equal(outcome.ok && outcome.historyError, undefined);
    assert.equal(
      storage.aside.get(ASIDE),
      '{"version":1,"entries":[{"scanRef":"trunc',
      'the original was lost',
    );
    assert.equal(stored().length, 1);
  });

  test('an older-version history value is reported and kept aside untouched', async () => {
    const older = { version: 0, entries: [{ token: 'old-style-1' }, { token: 'old-style-2' }] };
    storage.legacy = older;
    const history = new HistoryStore(storage, { now: clock });
    const warnings = await history.load();
    assert.deepEqual(
      warnings.map((w) => [w.kind, w.droppedEntries, w.movedTo]),
      [['unsupported_version', 2, ASIDE]],
    );

    const { outcome } = await sendThrough(emulatorTarget(emu), history, BODY);
    assert.equal(outcome.ok, true);
    assert.deepEqual(storage.aside.get(ASIDE), older);
    assert.equal(stored().length, 1);
  });

  test('when the damaged value cannot be kept aside, it stays untouched and sending still records', async () => {
    storage.legacy = 'garbage';
    storage.failAside = true;
    const history = new HistoryStore(storage, { now: clock });
    await assert.rejects(history.load(), /cannot set aside/);

    const { outcome } = await sendThrough(emulatorTarget(emu), history, BODY);
    assert.equal(outcome.ok, true, 'the created session became a failure');
    if (!outcome.ok) return;
    assert.equal(outcome.historyError, undefined);
    assert.equal(storage.legacy, 'garbage', 'the damaged original was changed');
    assert.equal(stored().length, 1);
  });
});
