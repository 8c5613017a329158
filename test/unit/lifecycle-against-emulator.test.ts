/**
 * The HTTP client's lifecycle endpoints against the real emulator (not the test server they were
 * written against): every outcome, dummy statuses, expiry on the emulator's injected clock, deletion
 * refused and then accepted, the listing's pages, and the failures (unknown scanRef, wrong key).
 * Each answer the client accepts is also parsed with the result model's zod schemas, so the model,
 * the emulator and the client agree on one shape. Real loopback HTTP; time moves by the fake clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { type Emulator, type Outcome, startEmulator } from '../../src/emulator/server';
import { credentialFingerprint } from '../../src/http/credential-fingerprint';
import type { Connection } from '../../src/http/request';
import {
  checkStatus,
  deletePersonalData,
  fetchFullResult,
  generatePdf,
  listIdentifications,
} from '../../src/http/verification-client';
import { fullAnswer, identificationsPage, statusAnswer } from '../../src/model/result';
import {
  documentStatusValues,
  faceStatusValues,
  fraudTagValues,
  mismatchTagValues,
} from '../../src/model/result-vocabulary';
import { requestForSession, type SessionRef } from '../../src/session/lifecycle';

let emu: Emulator;
let clock = Date.UTC(2026, 2, 1, 9, 0, 0);
const lines: string[] = [];

const connection = (over: Partial<Connection> = {}): Connection => ({
  baseUrl: emu.url,
  apiKey: emu.apiKey,
  apiSecret: emu.apiSecret,
  timeoutMs: 5000,
  log: (line) => lines.push(line),
  ...over,
});

/** Creates a session the way any integrator does: a POST to /api/v2/token. */
async function create(body: Record<string, unknown> = {}): Promise<{ scanRef: string; clientId: string }> {
  const res = await request(`${emu.url}/api/v2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${emu.apiKey}:${emu.apiSecret}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ clientId: 'client-1', ...body }),
  });
  const json = (await res.body.json()) as { scanRef: string; clientId: string };
  assert.equal(res.statusCode, 201, JSON.stringify(json));
  return json;
}

/** Status and full result through the client, each also parsed with the model's schema. */
async function statusAndFull(scanRef: string) {
  const status = await checkStatus(connection(), scanRef);
  assert.ok(status.ok, JSON.stringify(status));
  const full = await fetchFullResult(connection(), scanRef);
  assert.ok(full.ok, JSON.stringify(full));
  const parsedStatus = statusAnswer.safeParse(status.body);
  assert.ok(parsedStatus.success, JSON.stringify(parsedStatus.error?.issues));
  const parsedFull = fullAnswer.safeParse(full.body);
  assert.ok(parsedFull.success, JSON.stringify(parsedFull.error?.issues));
  return { status: parsedStatus.data, full: parsedFull.data };
}

async function pdfOk(scanRef: string, language: 'en' | 'lt'): Promise<Buffer> {
  const r = await generatePdf(connection(), scanRef, language);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.body.pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(r.body.pdf.subarray(-6).toString('latin1'), /%%EOF\s*$/);
  return r.body.pdf;
}

before(async () => {
  emu = await startEmulator({ now: () => clock });
});
after(() => emu.close());

describe('client against the emulator: each outcome', () => {
  it('an ACTIVE session: status without results, full without data, PDF in en and lt, delete refused', async () => {
    const s = await create({ firstName: 'Ona', lastName: 'Jonaite' });
    const { status, full } = await statusAndFull(s.scanRef);
    assert.equal(status.status, 'ACTIVE');
    assert.equal(status.autoDocument, null);
    assert.equal(status.scanRef, s.scanRef);
    assert.equal(full.status.overall, 'ACTIVE');
    assert.equal(full.final, false);
    assert.equal(full.fileUrls, null);
    const en = await pdfOk(s.scanRef, 'en');
    const lt = await pdfOk(s.scanRef, 'lt');
    assert.notDeepEqual(en, lt, 'the language changes the report');
    const del = await deletePersonalData(connection(), s.scanRef);
    assert.ok(!del.ok);
    assert.equal(del.failure.cause, 'tokenNotExpired');
    assert.equal(del.failure.identifier, 'PARTNER_ERROR');
  });

  const outcomes: { name: string; outcome: Outcome; expect: Record<string, unknown> }[] = [
    {
      name: 'approved',
      outcome: { kind: 'APPROVED' },
      expect: { status: 'APPROVED', autoDocument: 'DOC_VALIDATED', autoFace: 'FACE_MATCH' },
    },
    {
      name: 'denied with a document and a face status',
      outcome: { kind: 'DENIED', document: 'DOC_EXPIRED', face: 'FACE_MISMATCH' },
      expect: { status: 'DENIED', autoDocument: 'DOC_EXPIRED', autoFace: 'FACE_MISMATCH' },
    },
    {
      name: 'suspected with fraud and mismatch tags',
      outcome: { kind: 'SUSPECTED', fraudTags: ['DUPLICATE_FACE'], mismatchTags: ['NAME', 'SURNAME'] },
      expect: { status: 'SUSPECTED', fraudTags: ['DUPLICATE_FACE'], mismatchTags: ['NAME', 'SURNAME'] },
    },
  ];
  for (const o of outcomes) {
    it(`${o.name} via complete(): status, full result with the request's data, PDF`, async () => {
      const s = await create({ firstName: 'Ona', lastName: 'Jonaite', country: 'lt' });
      assert.equal(emu.complete(s.scanRef, o.outcome), o.expect.status);
      const { status, full } = await statusAndFull(s.scanRef);
      for (const [k, v] of Object.entries(o.expect)) assert.deepEqual(status[k], v, k);
      assert.equal(status.manualDocument, null);
      assert.equal(full.status.overall, o.expect.status);
      assert.deepEqual(full.status.fraudTags, status.fraudTags);
      assert.deepEqual(full.status.mismatchTags, status.mismatchTags);
      assert.equal(full.data.docFirstName, 'ONA');
      assert.equal(full.data.docIssuingCountry, 'LT');
      assert.ok(full.fileUrls && Object.keys(full.fileUrls).length > 0);
      await pdfOk(s.scanRef, 'en');
      await pdfOk(s.scanRef, 'lt');
    });
  }

  it('manual review: REVIEWING with an interim automatic result, then the final verdict in the manual fields', async () => {
    const s = await create();
    assert.equal(emu.complete(s.scanRef, { kind: 'REVIEWING' }), 'REVIEWING');
    const interim = await statusAndFull(s.scanRef);
    assert.equal(interim.status.status, 'REVIEWING');
    assert.equal(interim.status.autoFace, 'FACE_UNCERTAIN');
    assert.equal(interim.status.manualFace, null);
    // iDenfy's /full never shows REVIEWING: the automatic verdict stands there.
    assert.notEqual(interim.full.status.overall, 'REVIEWING');
    assert.equal(interim.full.final, false);

    assert.equal(emu.complete(s.scanRef, { kind: 'DENIED', face: 'FACE_MISMATCH' }), 'DENIED');
    const final = await statusAndFull(s.scanRef);
    assert.equal(final.status.status, 'DENIED');
    assert.equal(final.status.autoFace, 'FACE_UNCERTAIN');
    assert.equal(final.status.manualFace, 'FACE_MISMATCH');
    assert.equal(final.status.manualDocument, 'DOC_VALIDATED');
    assert.equal(final.full.status.overall, 'DENIED');
    await pdfOk(s.scanRef, 'en');
  });

  for (const dummy of ['APPROVED', 'DENIED', 'SUSPECTED', 'EXPIRED'] as const) {
    it(`dummyStatus ${dummy}: created finished, answered as such`, async () => {
      const s = await create({ dummyStatus: dummy });
      const { status, full } = await statusAndFull(s.scanRef);
      assert.equal(status.status, dummy);
      assert.equal(full.status.overall, dummy);
      if (dummy === 'EXPIRED') {
        // Created with its token already expired: the data can go at once.
        const del = await deletePersonalData(connection(), s.scanRef);
        assert.ok(del.ok, JSON.stringify(del));
        assert.equal((await statusAndFull(s.scanRef)).status.status, 'DELETED');
      } else {
        await pdfOk(s.scanRef, 'en');
      }
    });
  }
});

describe('client against the emulator: expiry and deletion on the fake clock', () => {
  it('EXPIRED once expiryTime passes unused; delete refused before, accepted after; then DELETED and the data gone', async () => {
    const s = await create({ expiryTime: 600, firstName: 'Ona' });
    emu.complete(s.scanRef, { kind: 'SUSPECTED', fraudTags: ['DUPLICATE_FACE'] });
    const refused = await deletePersonalData(connection(), s.scanRef);
    assert.ok(!refused.ok);
    assert.equal(refused.failure.cause, 'tokenNotExpired');
    assert.equal(refused.failure.status, 400);
    assert.match(refused.failure.message, /delete it once the session has expired/);

    const unused = await create({ expiryTime: 600 });
    clock += 600_000;
    assert.equal((await statusAndFull(unused.scanRef)).status.status, 'EXPIRED');

    const deleted = await deletePersonalData(connection(), s.scanRef);
    assert.ok(deleted.ok, JSON.stringify(deleted));
    assert.equal(deleted.status, 200);
    assert.deepEqual(deleted.body, {});
    const { status, full } = await statusAndFull(s.scanRef);
    assert.equal(status.status, 'DELETED');
    assert.deepEqual(status.fraudTags, []);
    assert.equal(full.status.overall, 'DELETED');
    assert.equal(full.fileUrls, null);
    for (const [k, v] of Object.entries(full.data)) assert.equal(v, null, `data.${k} after deletion`);
    // Deleting again changes nothing and is not an error.
    assert.ok((await deletePersonalData(connection(), s.scanRef)).ok);
    const pdf = await generatePdf(connection(), s.scanRef, 'en');
    assert.ok(!pdf.ok, 'no report of deleted data');
    assert.equal(pdf.failure.cause, 'dataDeleted');
    assert.match(pdf.failure.message, /deleted/);
  });
});

describe('client against the emulator: failures', () => {
  it('an unknown scanRef is scanRefNotFound on status, full, delete and PDF', async () => {
    const scanRef = 'no-such-scan-ref';
    const results = [
      await checkStatus(connection(), scanRef),
      await fetchFullResult(connection(), scanRef),
      await deletePersonalData(connection(), scanRef),
      await generatePdf(connection(), scanRef, 'lt'),
    ];
    for (const r of results) {
      assert.ok(!r.ok);
      assert.equal(r.failure.cause, 'scanRefNotFound', r.failure.message);
      assert.equal(r.failure.status, 404);
      assert.equal(r.failure.outcomeUnknown, false);
    }
  });

  it('a wrong secret is 401 unauthorized on every endpoint, and the secret is in no message or log line', async () => {
    const s = await create();
    const wrong = connection({ apiSecret: 'wrong-secret-value-123' });
    lines.length = 0;
    const results = [
      await checkStatus(wrong, s.scanRef),
      await fetchFullResult(wrong, s.scanRef),
      await deletePersonalData(wrong, s.scanRef),
      await generatePdf(wrong, s.scanRef, 'en'),
      await listIdentifications(wrong, 'client-1'),
    ];
    for (const r of results) {
      assert.ok(!r.ok);
      assert.equal(r.failure.cause, 'unauthorized');
      assert.equal(r.failure.status, 401);
      assert.ok(!JSON.stringify(r.failure).includes('wrong-secret-value-123'));
    }
    assert.equal(lines.length, results.length, 'one log line per request');
    for (const line of lines) assert.ok(!line.includes('wrong-secret-value-123'));
  });
});

describe('client against the emulator: listing a client’s verifications', () => {
  it('10 per page, newest first, next/previous page numbers, perPage, and a page past the end said as such', async () => {
    const clientId = 'lister-1';
    const made: string[] = [];
    for (let i = 0; i < 23; i++) made.push((await create({ clientId })).scanRef);
    emu.complete(made[22] as string, { kind: 'SUSPECTED' });
    const newestFirst = [...made].reverse();

    const p1 = await listIdentifications(connection(), clientId);
    assert.ok(p1.ok, JSON.stringify(p1));
    assert.equal(p1.body.count, 23);
    assert.deepEqual(
      p1.body.results.map((r) => r.scanRef),
      newestFirst.slice(0, 10),
    );
    assert.equal(p1.body.results[0]?.status, 'SUSPECTED');
    assert.equal(p1.body.results[0]?.suspected, true);
    assert.equal(p1.body.nextPage, 2);
    assert.equal(p1.body.previousPage, undefined);

    const p3 = await listIdentifications(connection(), clientId, { page: 3 });
    assert.ok(p3.ok);
    assert.deepEqual(
      p3.body.results.map((r) => r.scanRef),
      newestFirst.slice(20),
    );
    assert.equal(p3.body.nextPage, undefined);
    assert.equal(p3.body.previousPage, 2);

    const small = await listIdentifications(connection(), clientId, { page: 2, perPage: 5 });
    assert.ok(small.ok);
    assert.deepEqual(
      small.body.results.map((r) => r.scanRef),
      newestFirst.slice(5, 10),
    );
    assert.equal(small.body.nextPage, 3);
    assert.equal(small.body.previousPage, 1);

    const none = await listIdentifications(connection(), 'nobody-has-this-client-id');
    assert.ok(none.ok);
    assert.equal(none.body.count, 0);
    assert.deepEqual(none.body.results, []);

    // Past the end: not "wrong base URL" (the endpoint exists), but a page that is not there.
    const past = await listIdentifications(connection(), clientId, { page: 4 });
    assert.ok(!past.ok);
    assert.equal(past.failure.cause, 'pageNotFound', past.failure.message);
    assert.equal(past.failure.action, 'none');
    assert.match(past.failure.message, /page 4/);
  });
});

describe('requestForSession against the emulator', () => {
  const entryOf = (s: { scanRef: string; clientId: string }): SessionRef => ({
    scanRef: s.scanRef,
    clientId: s.clientId,
    target: 'emulator',
    baseUrl: emu.url,
    credentialFingerprint: credentialFingerprint(emu.apiKey),
  });
  const ask = <K extends 'status' | 'full' | 'delete' | 'pdf' | 'identifications'>(
    entry: SessionRef,
    req: Parameters<typeof requestForSession<K>>[0]['request'],
    credentials = { apiKey: emu.apiKey, apiSecret: emu.apiSecret },
  ) => requestForSession<K>({ entry, request: req, credentials, timeoutMs: 5000, log: (l) => lines.push(l) });

  it('status, full, PDF, listing and delete for a session, with one log line each', async () => {
    const s = await create({ clientId: 'rfs-1', expiryTime: 60 });
    emu.complete(s.scanRef, { kind: 'APPROVED' });
    const entry = entryOf(s);
    lines.length = 0;
    const status = await ask<'status'>(entry, { kind: 'status' });
    assert.ok(status.ok && status.body.status === 'APPROVED', JSON.stringify(status));
    const full = await ask<'full'>(entry, { kind: 'full' });
    assert.ok(full.ok && full.body.status.overall === 'APPROVED');
    const pdf = await ask<'pdf'>(entry, { kind: 'pdf', language: 'lt' });
    assert.ok(pdf.ok && pdf.body.pdf.subarray(0, 5).toString('latin1') === '%PDF-');
    const list = await ask<'identifications'>(entry, { kind: 'identifications' });
    assert.ok(list.ok && list.body.results.some((r) => r.scanRef === s.scanRef));
    const early = await ask<'delete'>(entry, { kind: 'delete' });
    assert.ok(!early.ok && early.failure.cause === 'tokenNotExpired');
    clock += 60_000;
    const del = await ask<'delete'>(entry, { kind: 'delete' });
    assert.ok(del.ok, JSON.stringify(del));
    const after = await ask<'status'>(entry, { kind: 'status' });
    assert.ok(after.ok && after.body.status === 'DELETED');
    assert.equal(lines.length, 7);
    for (const line of lines) assert.ok(!line.includes(emu.apiSecret));
  });

  it("a key other than the one that created the session sends nothing; an unknown scanRef is iDenfy's not-found", async () => {
    const s = await create({ clientId: 'rfs-2' });
    const before = lines.length;
    const other = await ask<'status'>(
      entryOf(s),
      { kind: 'status' },
      { apiKey: 'other-key', apiSecret: 'x' },
    );
    assert.ok(!other.ok);
    assert.equal(other.failure.cause, 'credentialsChanged');
    assert.equal(lines.length, before, 'nothing was sent');
    const unknown = await ask<'status'>({ ...entryOf(s), scanRef: 'gone-scan-ref' }, { kind: 'status' });
    assert.ok(!unknown.ok);
    assert.equal(unknown.failure.cause, 'scanRefNotFound');
  });
});

describe('the result model and the emulator agree', () => {
  /** Every outcome the emulator can produce, each document and face status and tag at least once. */
  const outcomes: Outcome[] = [
    { kind: 'APPROVED' },
    ...documentStatusValues
      .filter((d) => d !== 'DOC_VALIDATED')
      .map((document): Outcome => ({ kind: 'DENIED', document })),
    ...faceStatusValues.filter((f) => f !== 'FACE_MATCH').map((face): Outcome => ({ kind: 'DENIED', face })),
    { kind: 'SUSPECTED', fraudTags: [...fraudTagValues], mismatchTags: [...mismatchTagValues] },
    { kind: 'SUSPECTED' },
    { kind: 'REVIEWING' },
  ];

  it(`every /api/v2/status and /api/v2/full answer parses with the model, for ${outcomes.length} outcomes and each state around them`, async () => {
    const seen = new Set<string>();
    const check = async (scanRef: string) => {
      const raw = await Promise.all(
        ['/api/v2/status', '/api/v2/full'].map(async (path) => {
          const res = await request(`${emu.url}${path}`, {
            method: 'POST',
            headers: {
              authorization: `Basic ${Buffer.from(`${emu.apiKey}:${emu.apiSecret}`).toString('base64')}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ scanRef }),
          });
          assert.equal(res.statusCode, 200);
          return res.body.json();
        }),
      );
      // Strict about enum values (an unknown value fails), as the model is.
      const st = statusAnswer.safeParse(raw[0]);
      assert.ok(st.success, `status ${JSON.stringify(st.error?.issues)}`);
      const full = fullAnswer.safeParse(raw[1]);
      assert.ok(full.success, `full ${JSON.stringify(full.error?.issues)}`);
      for (const k of [
        'autoDocument',
        'autoFace',
        'manualDocument',
        'manualFace',
        'fraudTags',
        'mismatchTags',
      ] as const)
        assert.deepEqual(full.data.status[k], st.data[k], `status.${k} agrees with /status`);
      seen.add(st.data.status);
    };
    for (const outcome of outcomes) {
      const s = await create({ expiryTime: 60, firstName: 'Ona', sex: 'F', dateOfBirth: '1991-02-03' });
      await check(s.scanRef);
      emu.complete(s.scanRef, outcome);
      await check(s.scanRef);
      if (outcome.kind === 'REVIEWING') {
        emu.complete(s.scanRef, { kind: 'APPROVED' });
        await check(s.scanRef);
      }
    }
    const unused = await create({ expiryTime: 60 });
    clock += 60_000;
    await check(unused.scanRef);
    for (const { scanRef } of [unused, await create({ dummyStatus: 'EXPIRED' })]) {
      assert.ok((await deletePersonalData(connection(), scanRef)).ok);
      await check(scanRef);
    }
    assert.deepEqual([...seen].sort(), [
      'ACTIVE',
      'APPROVED',
      'DELETED',
      'DENIED',
      'EXPIRED',
      'REVIEWING',
      'SUSPECTED',
    ]);
    const page = await request(`${emu.url}/kyc/identifications/?clientId=client-1&perPage=100`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${emu.apiKey}:${emu.apiSecret}`).toString('base64')}`,
      },
    });
    const listed = identificationsPage.safeParse(await page.body.json());
    assert.ok(listed.success, JSON.stringify(listed.error?.issues));
  });
});
