import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DeliveryLog, MAX_DELIVERIES_PER_SESSION } from '../../src/history/deliveries';
import { JsonFileStorage } from '../../src/history/file-storage';
import { createHistoryEntry, HistoryStore } from '../../src/history/store';
import type { WebhookDelivery } from '../../src/webhooks/delivery';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idenfy-deliveries-'));
  folders.push(dir);
  return dir;
}
after(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const posix = process.platform !== 'win32';
const mode = (path: string) => statSync(path).mode & 0o777;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function delivery(payload: string, over: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    at: new Date().toISOString(),
    event: 'IDENTIFICATION_AUTO_FINISHED',
    url: 'http://127.0.0.1:9/hook',
    status: 200,
    durationMs: 12,
    payloadSha256: sha(payload),
    source: 'editor',
    ...over,
  };
}

const entry = (clientId: string, now?: Date) =>
  createHistoryEntry({
    response: { clientId, scanRef: `scan-${clientId}`, authToken: `token-${clientId}`, expiryTime: 600 },
    target: 'emulator',
    baseUrl: 'http://127.0.0.1:1',
    ...(now ? { now } : {}),
  });

describe('DeliveryLog', () => {
  it('keeps each delivery with its exact payload, newest first, in private files', () => {
    const dir = folder();
    const log = new DeliveryLog(dir);
    assert.deepEqual(log.list('e1'), []);
    assert.equal(log.has('e1'), false);
    const payload = '{"final": true, "scanRef": "s-1", "name": "Jūratė"}';
    const first = log.record('e1', delivery(payload, { status: 500 }), payload);
    const second = log.record('e1', delivery(payload, { status: 200, source: 'emulator' }), payload);
    assert.equal(log.has('e1'), true);
    assert.deepEqual([...log.sessionIds()], ['e1']);
    const listed = log.list('e1');
    assert.deepEqual(
      listed.map((d) => [d.id, d.delivery.status]),
      [
        [second.id, 200],
        [first.id, 500],
      ],
    );
    assert.equal(listed[0]?.payload, payload);
    assert.equal(listed[0]?.delivery.source, 'emulator');
    assert.deepEqual(log.get('e1', first.id), first);
    assert.deepEqual(log.list('other'), []);
    const files = readdirSync(join(dir, 'deliveries', 'e1'));
    assert.deepEqual(
      files.sort(),
      [`${first.id}.json`, `${second.id}.json`].sort(),
      'no temporary file left',
    );
    if (posix) {
      assert.equal(mode(join(dir, 'deliveries')), 0o700);
      assert.equal(mode(join(dir, 'deliveries', 'e1')), 0o700);
      assert.equal(mode(join(dir, 'deliveries', 'e1', `${first.id}.json`)), 0o600);
    }
  });

  it('two logs over one folder (two windows) see each other and never overwrite', () => {
    const dir = folder();
    const a = new DeliveryLog(dir);
    const b = new DeliveryLog(dir);
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      ids.add(a.record('e', delivery(`{"n":${i}}`), `{"n":${i}}`, 1_000).id);
      ids.add(b.record('e', delivery(`{"m":${i}}`), `{"m":${i}}`, 1_000).id);
    }
    assert.equal(ids.size, 40, 'same millisecond, still 40 names');
    assert.equal(a.list('e').length, 40);
    assert.equal(b.list('e').length, 40);
  });

  it('refuses an id that could leave the folder, and skips damaged files', () => {
    const dir = folder();
    const log = new DeliveryLog(dir);
    for (const bad of ['..', '../x', 'a/b', '', '.hidden']) {
      assert.throws(() => log.record(bad, delivery('{}'), '{}'), /not a history entry id/);
      assert.deepEqual(log.list(bad), []);
    }
    const kept = log.record('e', delivery('{}'), '{}');
    writeFileSync(join(dir, 'deliveries', 'e', '0000000000000001-1-1.json'), '{not json');
    writeFileSync(join(dir, 'deliveries', 'e', '0000000000000002-1-1.json'), '{"delivery":{},"payload":1}');
    assert.deepEqual(
      log.list('e').map((d) => d.id),
      [kept.id],
    );
  });

  it(`keeps the newest ${MAX_DELIVERIES_PER_SESSION} per session`, () => {
    const log = new DeliveryLog(folder());
    const ids: string[] = [];
    for (let i = 0; i < MAX_DELIVERIES_PER_SESSION + 3; i++)
      ids.push(log.record('e', delivery('{}'), '{}').id);
    assert.deepEqual(
      log.list('e').map((d) => d.id),
      ids.slice(3).reverse(),
    );
  });

  it('deliveries go with their session: Remove, Clear and retention, whichever window removed it', async () => {
    const dir = folder();
    let now = Date.parse('2026-01-10T00:00:00Z');
    const store = new HistoryStore(new JsonFileStorage(dir), { now: () => now, retentionDays: 5 });
    const other = new HistoryStore(new JsonFileStorage(dir), { now: () => now, retentionDays: 5 });
    const log = new DeliveryLog(dir);
    const old = await store.record(entry('old', new Date(now - 4 * 86_400_000)), { forbidden: [] });
    const a = await store.record(entry('a', new Date(now)), { forbidden: [] });
    const b = await store.record(entry('b', new Date(now)), { forbidden: [] });
    for (const e of [old, a, b]) log.record(e.id, delivery('{}'), '{}');

    assert.equal(
      log.prune(() => store.storedIds()),
      0,
    );
    await other.reload();
    await other.remove(a.id); // another window
    assert.equal(
      log.prune(() => store.storedIds()),
      1,
    );
    assert.deepEqual(log.list(a.id), []);
    assert.equal(log.list(b.id).length, 1);

    now += 2 * 86_400_000; // `old` is past retention now
    await store.reload();
    log.prune(() => store.storedIds());
    assert.deepEqual(log.list(old.id), []);
    assert.equal(log.list(b.id).length, 1);

    await store.clear();
    log.prune(() => store.storedIds());
    assert.deepEqual(readdirSync(join(dir, 'deliveries')), []);
  });

  it('holds the record and the payload, nothing else', () => {
    const dir = folder();
    const log = new DeliveryLog(dir);
    const stored = log.record('e', delivery('{"a":1}'), '{"a":1}');
    const value = JSON.parse(readFileSync(join(dir, 'deliveries', 'e', `${stored.id}.json`), 'utf8'));
    assert.deepEqual(Object.keys(value).sort(), ['delivery', 'payload', 'version']);
    assert.deepEqual(Object.keys(value.delivery).sort(), Object.keys(delivery('')).sort());
  });
});
