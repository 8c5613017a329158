/**
 * The lifecycle endpoints (status, full, delete, PDF, identifications) against a real iDenfy-shaped
 * server on 127.0.0.1 (test/support/idenfy-test-server.ts): each endpoint's success and documented
 * errors, and for every endpoint the same failures: wrong credentials, a proxy's 502 page, a timeout,
 * Cancel, an endless body, the secret echoed back. Every case checks that the server got exactly one
 * request (nothing is ever retried) and that no form of the secret is in the result or the log line.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { IdenfyFailure } from '../../src/http/errors';
import type { Connection, IdenfyResult } from '../../src/http/request';
import {
  checkStatus,
  deletePersonalData,
  fetchFullResult,
  generatePdf,
  listIdentifications,
} from '../../src/http/verification-client';
import { type IdenfyTestServer, startIdenfyTestServer } from '../support/idenfy-test-server';

let server: IdenfyTestServer;
let lines: string[];

const HOUR = 3_600_000;
const SCAN_REF = 'scan-ref-1';

function connection(overrides: Partial<Connection> = {}): Connection {
  return {
    baseUrl: server.url,
    apiKey: server.apiKey,
    apiSecret: server.apiSecret,
    timeoutMs: 5_000,
    log: (line) => lines.push(line),
    ...overrides,
  };
}

/** Every spelling of the secret that could leak: raw, base64 inside basic auth, URL-encoded. */
function secretForms(): string[] {
  const s = server.apiSecret;
  return [s, Buffer.from(`${server.apiKey}:${s}`).toString('base64'), encodeURIComponent(s)];
}

function assertNoSecret(value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const form of secretForms()) assert.ok(!text.includes(form), `secret form leaked: ${text}`);
}

/** One request reached the server, one log line was written, and neither it nor the result holds the secret. */
function assertOneRequest<T>(result: IdenfyResult<T>): void {
  assert.equal(server.total(), 1, `exactly one request, got ${JSON.stringify([...server.counts])}`);
  assert.equal(lines.length, 1, `exactly one log line: ${JSON.stringify(lines)}`);
  assertNoSecret(lines);
  // A PDF's bytes are checked on their own; everything else must be free of the secret as it is.
  const pdf = result.ok && Buffer.isBuffer((result.body as { pdf?: unknown }).pdf);
  assertNoSecret(pdf ? { ...result, body: 'pdf' } : result);
}

function expectFailure<T>(result: IdenfyResult<T>): IdenfyFailure {
  assert.equal(result.ok, false, `expected a failure, got ${JSON.stringify(result).slice(0, 300)}`);
  if (result.ok) throw new Error('unreachable');
  assert.match(result.failure.message, /\.$/);
  return result.failure;
}

type AnyCall = (c: Connection) => Promise<IdenfyResult<unknown>>;

/** Each endpoint, called for SCAN_REF (or its client), with what a lost answer leaves unknown. */
const ENDPOINTS: Array<{ name: string; path: string; call: AnyCall; changes: boolean }> = [
  { name: 'checkStatus', path: 'POST /api/v2/status', call: (c) => checkStatus(c, SCAN_REF), changes: false },
  {
    name: 'fetchFullResult',
    path: 'POST /api/v2/full',
    call: (c) => fetchFullResult(c, SCAN_REF),
    changes: false,
  },
  {
    name: 'deletePersonalData',
    path: 'POST /api/v2/delete',
    call: (c) => deletePersonalData(c, SCAN_REF),
    changes: true,
  },
  {
    name: 'generatePdf',
    path: 'POST /api/v2/generate-pdf',
    call: (c) => generatePdf(c, SCAN_REF, 'en'),
    changes: false,
  },
  {
    name: 'listIdentifications',
    path: 'GET /kyc/identifications/',
    call: (c) => listIdentifications(c, 'client-1'),
    changes: false,
  },
];

beforeEach(async () => {
  server = await startIdenfyTestServer();
  lines = [];
  server.verifications.set(SCAN_REF, {
    scanRef: SCAN_REF,
    clientId: 'client-1',
    expiresAt: server.now - HOUR,
    overall: 'APPROVED',
  });
});
afterEach(async () => {
  await server.close();
});

describe('each endpoint: success', { timeout: 30_000 }, () => {
  it('checkStatus: the overall status, extra fields kept, scanRef in the log line', async () => {
    const result = await checkStatus(connection(), SCAN_REF);
    assert.equal(result.ok, true, JSON.stringify(result));
    if (!result.ok) return;
    assert.equal(result.body.status, 'APPROVED');
    assert.equal(result.body.autoFace, 'FACE_MATCH');
    assert.deepEqual(result.body.addedLater, { kept: true });
    assert.match(
      lines[0] ?? '',
      /^POST http:\/\/127\.0\.0\.1:\d+\/api\/v2\/status -> 200 \d+ ms requestId=req-\w+ scanRef=scan-ref-1$/,
    );
    assertOneRequest(result);
  });

  it('fetchFullResult: the webhook-shaped body with status.overall', async () => {
    const result = await fetchFullResult(connection(), SCAN_REF);
    assert.equal(result.ok, true, JSON.stringify(result));
    if (!result.ok) return;
    assert.equal(result.body.status.overall, 'APPROVED');
    assert.equal(result.body.final, false);
    assertOneRequest(result);
  });

  it('deletePersonalData: an expired session is deleted (empty 200), and status then says DELETED', async () => {
    const result = await deletePersonalData(connection(), SCAN_REF);
    assert.equal(result.ok, true, JSON.stringify(result));
    assertOneRequest(result);
    const after = await checkStatus(connection(), SCAN_REF);
    assert.equal(after.ok && after.body.status, 'DELETED');
  });

  it('generatePdf: Base64 decoded to the bytes of a PDF, language sent', async () => {
    const result = await generatePdf(connection(), SCAN_REF, 'lt');
    assert.equal(result.ok, true, JSON.stringify(result).slice(0, 300));
    if (!result.ok) return;
    assert.equal(result.body.pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(result.body.pdf.toString('latin1'), /\(scan-ref-1 lt\) Tj/);
    assert.match(result.body.pdf.toString('latin1'), /%%EOF\n$/);
    assertOneRequest(result);
  });

  it("listIdentifications: a client's rows, paginated by page numbers, links never followed", async () => {
    for (let i = 2; i <= 5; i++) {
      server.verifications.set(`scan-ref-${i}`, {
        scanRef: `scan-ref-${i}`,
        clientId: i === 5 ? 'someone-else' : 'client-1',
        expiresAt: server.now + HOUR,
        overall: i === 3 ? 'SUSPECTED' : 'ACTIVE',
      });
    }
    const first = await listIdentifications(connection(), 'client-1', { perPage: 2 });
    assert.equal(first.ok, true, JSON.stringify(first));
    if (!first.ok) return;
    assert.equal(first.body.count, 4);
    assert.deepEqual(
      first.body.results.map((r) => r.scanRef),
      ['scan-ref-1', 'scan-ref-2'],
    );
    assert.equal(first.body.nextPage, 2);
    assert.equal(first.body.previousPage, undefined);
    assert.match(first.url.search, /^\?clientId=client-1&perPage=2$/);
    assertOneRequest(first);

    const second = await listIdentifications(connection(), 'client-1', { page: 2, perPage: 2 });
    assert.equal(second.ok, true, JSON.stringify(second));
    if (!second.ok) return;
    assert.deepEqual(
      second.body.results.map((r) => [r.scanRef, r.suspected]),
      [
        ['scan-ref-3', true],
        ['scan-ref-4', false],
      ],
    );
    assert.equal(second.body.nextPage, undefined);
    assert.equal(second.body.previousPage, 1, 'a previous link without page= is page 1');
    assert.match(lines[1] ?? '', /^GET http:\/\/127\.0\.0\.1:\d+\/kyc\/identifications\/ -> 200 /);
    assert.ok(!(lines[1] ?? '').includes('client-1'), 'the query (a clientId) is not logged');
  });
});

describe('documented refusals', { timeout: 30_000 }, () => {
  it('delete before expiry: PARTNER_ERROR "Token has not expired yet." is tokenNotExpired, nothing unknown', async () => {
    server.verifications.set(SCAN_REF, {
      scanRef: SCAN_REF,
      clientId: 'client-1',
      expiresAt: server.now + HOUR,
      overall: 'ACTIVE',
    });
    const result = await deletePersonalData(connection(), SCAN_REF);
    const f = expectFailure(result);
    assert.deepEqual(
      [f.cause, f.identifier, f.status, f.outcomeUnknown],
      ['tokenNotExpired', 'PARTNER_ERROR', 400, false],
    );
    assert.match(
      f.message,
      /while its token is valid.*Token has not expired yet.*once the session has expired\.$/,
    );
    assert.match(
      lines[0] ?? '',
      / -> 400 .*scanRef=scan-ref-1 identifier=PARTNER_ERROR message="Token has not expired yet"$/,
    );
    assertOneRequest(result);
    assert.equal(server.verifications.get(SCAN_REF)?.deleted, undefined, 'nothing was deleted');
  });

  for (const e of ENDPOINTS.filter((x) => x.name !== 'listIdentifications')) {
    it(`${e.name}: an unknown scanRef is scanRefNotFound, naming it`, async () => {
      server.verifications.clear();
      const result = await e.call(connection());
      const f = expectFailure(result);
      assert.deepEqual([f.cause, f.status, f.action], ['scanRefNotFound', 404, 'none']);
      assert.match(f.message, /^iDenfy has no verification with scanRef "scan-ref-1" for these credentials/);
      assertOneRequest(result);
    });
  }
});

describe('every endpoint: the same failures through the one request path', { timeout: 30_000 }, () => {
  for (const e of ENDPOINTS) {
    describe(e.name, () => {
      it('401: wrong secret asks for credentials, the wrong secret never echoed', async () => {
        const wrong = 'WRONG-canary-secret-5521';
        const result = await e.call(connection({ apiSecret: wrong }));
        const f = expectFailure(result);
        assert.deepEqual([f.cause, f.action, f.status], ['unauthorized', 'setCredentials', 401]);
        assert.ok(!JSON.stringify([result, lines]).includes(wrong));
        assert.equal(server.counts.get(e.path), 1);
        assertOneRequest(result);
      });

      it("a gateway's non-JSON 502: serverError, body quoted in the log only", async () => {
        server.fault = 'badGateway';
        const result = await e.call(connection());
        const f = expectFailure(result);
        assert.deepEqual([f.cause, f.status, f.outcomeUnknown], ['serverError', 502, e.changes]);
        assert.match(
          f.message,
          e.changes
            ? /personal data may have been deleted: check the status before deleting again\.$/
            : /try again later\.$/,
        );
        assert.doesNotMatch(f.message, /session may have been created/);
        assert.match(
          lines[0] ?? '',
          / -> 502 .*cause=HTTP_502 body="<html><body><h1>502 Bad Gateway<\/h1><\/body><\/html>"$/,
        );
        assertOneRequest(result);
      });

      it('timeout: one request, never retried', async () => {
        server.fault = 'hang';
        const result = await e.call(connection({ timeoutMs: 300 }));
        const f = expectFailure(result);
        assert.deepEqual([f.cause, f.code, f.outcomeUnknown], ['timeout', 'DEADLINE', e.changes]);
        assert.match(f.message, /within 300 ms/);
        assert.match(lines[0] ?? '', / -> no response \d+ ms .*cause=DEADLINE$/);
        assertOneRequest(result);
      });

      it('Cancel after the request arrived: cancelled, one request', async () => {
        server.fault = 'hang';
        const abort = new AbortController();
        const arrived = server.nextRequest();
        const pending = e.call(connection({ signal: abort.signal }));
        await arrived;
        abort.abort();
        const result = await pending;
        const f = expectFailure(result);
        assert.deepEqual([f.cause, f.outcomeUnknown], ['cancelled', e.changes]);
        assertOneRequest(result);
      });

      it('an endless body stops at the cap: responseTooLarge, one request', async () => {
        server.fault = 'endless';
        const result = await e.call(connection({ maxResponseBytes: 256 * 1024 }));
        const f = expectFailure(result);
        assert.deepEqual([f.cause, f.outcomeUnknown], ['responseTooLarge', false]);
        assert.match(f.message, /larger than 0\.25 MiB/);
        assertOneRequest(result);
      });

      it('canary: a server that echoes the credentials never gets the secret into the message or the log', async () => {
        server.fault = 'echoCredentials';
        const result = await e.call(connection());
        const f = expectFailure(result);
        assert.equal(f.identifier, 'BAD_VALUE');
        assert.match(f.serverText ?? '', /\[redacted\]/);
        assertOneRequest(result);
      });
    });
  }
});

describe("answers that are not the endpoint's", { timeout: 30_000 }, () => {
  it('a 200 without what the endpoint needs is invalidSuccessBody, naming the path', async () => {
    const { createServer } = await import('node:http');
    const other = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"hello":"world"}');
    });
    other.listen(0, '127.0.0.1');
    await new Promise((r) => other.once('listening', r));
    const port = (other.address() as { port: number }).port;
    try {
      const c = connection({ baseUrl: `http://127.0.0.1:${port}` });
      for (const [call, path] of [
        [() => checkStatus(c, SCAN_REF), '/api/v2/status'],
        [() => fetchFullResult(c, SCAN_REF), '/api/v2/full'],
        [() => generatePdf(c, SCAN_REF, 'en'), '/api/v2/generate-pdf'],
        [() => listIdentifications(c, 'client-1'), '/kyc/identifications/'],
      ] as Array<[() => Promise<IdenfyResult<unknown>>, string]>) {
        const f = expectFailure(await call());
        assert.equal(f.cause, 'invalidSuccessBody');
        assert.ok(f.message.includes(` to ${path} `), f.message);
        assert.equal(f.outcomeUnknown, false);
      }
    } finally {
      other.close();
    }
  });
});
