/**
 * requestForSession (src/session/lifecycle.ts): the rule that a session is asked about with the
 * credentials and base URL that created it, against real loopback servers. A refusal sends nothing
 * (the server counts requests) and writes no log line; the history entry holds a fingerprint of the
 * key, never the key or the secret.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import fc from 'fast-check';
import { createHistoryEntry, historyEntrySchema } from '../../src/history/entry';
import { credentialFingerprint } from '../../src/http/credential-fingerprint';
import { requestForSession, type SessionRef } from '../../src/session/lifecycle';
import { sendRequest } from '../../src/session/send';
import { type IdenfyTestServer, startIdenfyTestServer } from '../support/idenfy-test-server';

let created: IdenfyTestServer;
let other: IdenfyTestServer;
let lines: string[];

const SCAN_REF = 'scan-ref-7';

function entryFor(server: IdenfyTestServer, overrides: Partial<SessionRef> = {}): SessionRef {
  return {
    scanRef: SCAN_REF,
    clientId: 'client-7',
    target: 'idenfy',
    baseUrl: server.url,
    credentialFingerprint: credentialFingerprint(server.apiKey),
    ...overrides,
  };
}

const common = () => ({ timeoutMs: 5_000, log: (line: string) => lines.push(line) });

beforeEach(async () => {
  created = await startIdenfyTestServer({ apiKey: 'key-created', apiSecret: 'CANARY-created-secret-0001' });
  other = await startIdenfyTestServer({ apiKey: 'key-other', apiSecret: 'CANARY-other-secret-0002' });
  lines = [];
  for (const s of [created, other]) {
    s.verifications.set(SCAN_REF, {
      scanRef: SCAN_REF,
      clientId: 'client-7',
      expiresAt: s.now + 60_000,
      overall: 'ACTIVE',
    });
  }
});
afterEach(async () => {
  await created.close();
  await other.close();
});

describe('requestForSession', { timeout: 30_000 }, () => {
  it("sends to the entry's base URL with the matching credentials: one request, one log line", async () => {
    const result = await requestForSession({
      entry: entryFor(created),
      request: { kind: 'status' },
      credentials: { apiKey: created.apiKey, apiSecret: created.apiSecret },
      ...common(),
    });
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.ok && result.body.status, 'ACTIVE');
    assert.equal(created.total(), 1);
    assert.equal(other.total(), 0, 'the other server is never asked');
    assert.equal(lines.length, 1);
    assert.ok(!lines[0]?.includes(created.apiSecret));
  });

  it('every kind goes to its endpoint on the same server', async () => {
    const credentials = { apiKey: created.apiKey, apiSecret: created.apiSecret };
    const entry = entryFor(created);
    await requestForSession({ entry, request: { kind: 'status' }, credentials, ...common() });
    await requestForSession({ entry, request: { kind: 'full' }, credentials, ...common() });
    await requestForSession({ entry, request: { kind: 'delete' }, credentials, ...common() });
    const pdf = await requestForSession({
      entry,
      request: { kind: 'pdf', language: 'lt' },
      credentials,
      ...common(),
    });
    const list = await requestForSession({
      entry,
      request: { kind: 'identifications' },
      credentials,
      ...common(),
    });
    assert.deepEqual(Object.fromEntries(created.counts), {
      'POST /api/v2/status': 1,
      'POST /api/v2/full': 1,
      'POST /api/v2/delete': 1,
      'POST /api/v2/generate-pdf': 1,
      'GET /kyc/identifications/': 1,
    });
    assert.equal(pdf.ok && pdf.body.pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.deepEqual(list.ok && list.body.results.map((r) => r.scanRef), [SCAN_REF]);
    assert.equal(lines.length, 5);
  });

  it('changed credentials: credentialsChanged, nothing sent, no log line', async () => {
    const result = await requestForSession({
      entry: entryFor(created),
      request: { kind: 'delete' },
      credentials: { apiKey: other.apiKey, apiSecret: other.apiSecret },
      ...common(),
    });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual([result.failure.cause, result.failure.action], ['credentialsChanged', 'setCredentials']);
    assert.match(
      result.failure.message,
      /has changed since session scan-ref-7 was created, so nothing was sent/,
    );
    assert.equal(created.total() + other.total(), 0);
    assert.deepEqual(lines, []);
  });

  it('removed credentials: credentialsMissing, nothing sent', async () => {
    for (const credentials of [undefined, { apiKey: created.apiKey, apiSecret: '' }]) {
      const result = await requestForSession({
        entry: entryFor(created),
        request: { kind: 'status' },
        credentials,
        ...common(),
      });
      assert.equal(!result.ok && result.failure.cause, 'credentialsMissing');
    }
    assert.equal(created.total(), 0);
  });

  it('an emulator session after the emulator restarted (new throwaway key): says so, nothing sent', async () => {
    const result = await requestForSession({
      entry: entryFor(created, { target: 'emulator' }),
      request: { kind: 'status' },
      credentials: { apiKey: 'emulator-key-of-a-new-run', apiSecret: 'x-secret' },
      ...common(),
    });
    assert.equal(!result.ok && result.failure.cause, 'credentialsChanged');
    assert.match(!result.ok ? result.failure.message : '', /earlier run of the emulator/);
    assert.equal(created.total(), 0);
  });

  it('an entry from before fingerprints is sent; a key that does not own it gets the not-found answer', async () => {
    other.verifications.clear();
    const result = await requestForSession({
      entry: entryFor(other, { credentialFingerprint: undefined }),
      request: { kind: 'status' },
      credentials: { apiKey: other.apiKey, apiSecret: other.apiSecret },
      ...common(),
    });
    assert.equal(!result.ok && result.failure.cause, 'scanRefNotFound');
    assert.equal(other.total(), 1);
  });
});

describe('the credential fingerprint', () => {
  it('differs per key, is stable, and never contains the key', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        const fa = credentialFingerprint(a);
        assert.match(fa, /^[0-9a-f]{32}$/);
        assert.equal(fa, credentialFingerprint(a));
        if (a !== b) assert.notEqual(fa, credentialFingerprint(b));
        if (a.length >= 4) assert.ok(!fa.includes(a));
      }),
    );
  });

  it('is kept by the history entry schema (stored data round-trips)', () => {
    const entry = createHistoryEntry({
      response: { scanRef: 's', authToken: 't', clientId: 'c' },
      target: 'idenfy',
      baseUrl: 'https://ivs.idenfy.com',
      credentialFingerprint: credentialFingerprint('key-1'),
    });
    const parsed = historyEntrySchema.parse(JSON.parse(JSON.stringify(entry)));
    assert.equal(parsed.credentialFingerprint, credentialFingerprint('key-1'));
  });

  it('is stored by Create Session, with neither the key nor the secret', async () => {
    const { createServer } = await import('node:http');
    const token = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ scanRef: SCAN_REF, authToken: 'a'.repeat(40), clientId: 'client-7' }));
      });
    });
    token.listen(0, '127.0.0.1');
    await new Promise((r) => token.once('listening', r));
    try {
      const target = {
        kind: 'idenfy' as const,
        baseUrl: `http://127.0.0.1:${(token.address() as { port: number }).port}`,
        apiKey: 'the-api-key-123',
        apiSecret: 'CANARY-secret-create-9',
      };
      const outcome = await sendRequest({
        body: '{"clientId":"client-7"}',
        target,
        history: { record: async (e) => e },
        timeoutMs: 5_000,
        log: () => {},
      });
      assert.equal(outcome.ok, true);
      if (!outcome.ok) return;
      assert.equal(outcome.entry.credentialFingerprint, credentialFingerprint(target.apiKey));
      const stored = JSON.stringify(outcome.entry);
      assert.ok(!stored.includes(target.apiKey) && !stored.includes(target.apiSecret));
    } finally {
      token.close();
    }
  });
});
