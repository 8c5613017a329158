/**
 * The stateful emulator: a session's lifecycle on a fake clock (expiry without waiting), the ways
 * it finishes (page buttons, dummyStatus, complete()), and the endpoints an integrator calls after
 * creating a session, each for success and each documented error. Real loopback HTTP with undici.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Agent, request } from 'undici';
import { type Emulator, OutcomeError, startEmulator } from '../../src/emulator/server';
import { fullAnswer, identificationsPage, statusAnswer } from '../../src/model/result';

let emu: Emulator;
let agent: Agent;
/** The emulator's clock: tests move it instead of waiting. */
let clock = Date.UTC(2026, 0, 15, 12, 0, 0);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown>;
}

async function call(
  path: string,
  init: { method?: string; body?: string; auth?: string | null; contentType?: string } = {},
): Promise<Reply> {
  const auth =
    init.auth === null
      ? {}
      : {
          authorization: `Basic ${Buffer.from(init.auth ?? `${emu.apiKey}:${emu.apiSecret}`).toString('base64')}`,
        };
  const res = await request(`${emu.url}${path}`, {
    method: (init.method ?? 'POST') as 'POST',
    body: init.body,
    dispatcher: agent,
    headers: { 'content-type': init.contentType ?? 'application/json', ...auth },
  });
  const text = await res.body.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {}
  return { status: res.statusCode, headers: res.headers, text, json };
}

const post = (path: string, body: unknown) => call(path, { body: JSON.stringify(body) });

async function create(body: Record<string, unknown> = {}): Promise<{ scanRef: string; authToken: string }> {
  const reply = await post('/api/v2/token', { clientId: 'client-1', ...body });
  assert.equal(reply.status, 201, reply.text);
  return { scanRef: String(reply.json.scanRef), authToken: String(reply.json.authToken) };
}

const status = async (scanRef: string) => (await post('/api/v2/status', { scanRef })).json;

/** Submits the verification page's form, as the browser would. */
async function press(authToken: string, form: string): Promise<Reply> {
  return call(`/api/v2/redirect?authToken=${authToken}`, {
    body: form,
    contentType: 'application/x-www-form-urlencoded',
    auth: null,
  });
}

before(async () => {
  emu = await startEmulator({ now: () => clock });
  agent = new Agent();
});
after(async () => {
  await agent.close();
  await emu.close();
});

describe('lifecycle on a fake clock', () => {
  it('ACTIVE until expiryTime passes unused, then EXPIRED; an expired one cannot be finished', async () => {
    const s = await create({ expiryTime: 600 });
    assert.equal((await status(s.scanRef)).status, 'ACTIVE');
    clock += 599_000;
    assert.equal((await status(s.scanRef)).status, 'ACTIVE');
    clock += 1_000;
    assert.equal((await status(s.scanRef)).status, 'EXPIRED');
    assert.throws(() => emu.complete(s.scanRef, { kind: 'APPROVED' }), OutcomeError);
  });

  it('a finished verification keeps its result after the token expires', async () => {
    const s = await create({ expiryTime: 60 });
    assert.equal(emu.complete(s.scanRef, { kind: 'APPROVED' }), 'APPROVED');
    clock += 61_000;
    const answer = await status(s.scanRef);
    assert.equal(answer.status, 'APPROVED');
    assert.equal(answer.autoDocument, 'DOC_VALIDATED');
    assert.equal(answer.autoFace, 'FACE_MATCH');
    assert.equal(answer.manualDocument, null);
    assert.throws(() => emu.complete(s.scanRef, { kind: 'DENIED' }), /APPROVED/);
  });

  it('manual review: interim REVIEWING with automatic values, then a final verdict in the manual fields', async () => {
    const s = await create();
    assert.equal(emu.complete(s.scanRef, { kind: 'REVIEWING' }), 'REVIEWING');
    const interim = await status(s.scanRef);
    assert.deepEqual(
      [interim.status, interim.autoDocument, interim.autoFace, interim.manualDocument, interim.manualFace],
      ['REVIEWING', 'DOC_VALIDATED', 'FACE_UNCERTAIN', null, null],
    );
    // The full result never says REVIEWING and is never final (iDenfy's notes).
    const full = (await post('/api/v2/full', { scanRef: s.scanRef })).json;
    assert.equal(full.final, false);
    assert.notEqual((full.status as Record<string, unknown>).overall, 'REVIEWING');
    assert.throws(() => emu.complete(s.scanRef, { kind: 'REVIEWING' }), /already waiting/);
    assert.equal(emu.complete(s.scanRef, { kind: 'DENIED', face: 'FAKE_FACE' }), 'DENIED');
    const final = await status(s.scanRef);
    assert.deepEqual(
      [final.status, final.autoFace, final.manualDocument, final.manualFace],
      ['DENIED', 'FACE_UNCERTAIN', 'DOC_VALIDATED', 'FAKE_FACE'],
    );
  });

  it('complete() refuses an unknown scanRef, unknown values and a denial without a failing check', async () => {
    assert.throws(() => emu.complete('no-such-ref', { kind: 'APPROVED' }), OutcomeError);
    const s = await create();
    assert.throws(
      () => emu.complete(s.scanRef, { kind: 'DENIED', document: 'DOC_VALIDATED', face: 'FACE_MATCH' }),
      /failing/,
    );
    assert.throws(
      () => emu.complete(s.scanRef, { kind: 'SUSPECTED', fraudTags: ['NOPE' as 'FAKE_PHOTO'] }),
      /NOPE/,
    );
    assert.throws(
      () => emu.complete(s.scanRef, { kind: 'DENIED', fraudTags: ['NOPE' as 'FAKE_PHOTO'] }),
      /NOPE/,
    );
    assert.equal((await status(s.scanRef)).status, 'ACTIVE');
  });

  it('a denial can carry fraud and mismatch tags, as iDenfy reports for a blocklisted face', async () => {
    const s = await create();
    const outcome = { kind: 'DENIED', fraudTags: ['FACE_IN_BLACKLIST'], mismatchTags: ['NAME'] } as const;
    assert.equal(
      emu.complete(s.scanRef, {
        ...outcome,
        fraudTags: [...outcome.fraudTags],
        mismatchTags: [...outcome.mismatchTags],
      }),
      'DENIED',
    );
    const denied = await status(s.scanRef);
    assert.deepEqual(
      [denied.status, denied.autoFace, denied.fraudTags, denied.mismatchTags],
      ['DENIED', 'FACE_MISMATCH', ['FACE_IN_BLACKLIST'], ['NAME']],
    );
  });

  it('dummyStatus lives in the same store: finished with realistic values, EXPIRED already expired', async () => {
    for (const [dummy, doc, face] of [
      ['APPROVED', 'DOC_VALIDATED', 'FACE_MATCH'],
      ['DENIED', 'DOC_VALIDATED', 'FACE_MISMATCH'],
      ['SUSPECTED', 'DOC_VALIDATED', 'FACE_MATCH'],
    ]) {
      const s = await create({ dummyStatus: dummy });
      const answer = await status(s.scanRef);
      assert.deepEqual([answer.status, answer.autoDocument, answer.autoFace], [dummy, doc, face]);
    }
    const expired = await create({ dummyStatus: 'EXPIRED' });
    assert.equal((await status(expired.scanRef)).status, 'EXPIRED');
    assert.equal((await post('/api/v2/delete', { scanRef: expired.scanRef })).status, 200);
    const active = await create({ dummyStatus: 'ACTIVE' });
    assert.equal((await status(active.scanRef)).status, 'ACTIVE');
  });
});

describe('the verification page finishes the session', () => {
  it('Deny with a chosen document status', async () => {
    const s = await create();
    const page = await call(`/api/v2/redirect?authToken=${s.authToken}`, { method: 'GET', auth: null });
    for (const button of ['Approve', 'Deny', 'Mark suspected', 'Send to manual review'])
      assert.ok(page.text.includes(`>${button}</button>`), button);
    const reply = await press(s.authToken, 'outcome=DENIED&document=DOC_EXPIRED&face=');
    assert.equal(reply.status, 303);
    assert.equal(reply.headers.location, `/api/v2/redirect?authToken=${s.authToken}`);
    const answer = await status(s.scanRef);
    assert.deepEqual(
      [answer.status, answer.autoDocument, answer.autoFace],
      ['DENIED', 'DOC_EXPIRED', 'FACE_MATCH'],
    );
    const after = await call(`/api/v2/redirect?authToken=${s.authToken}`, { method: 'GET', auth: null });
    assert.match(after.text, /Status: <strong>DENIED<\/strong>/);
    assert.ok(!after.text.includes('>Approve</button>'), 'no buttons once finished');
  });

  it('Suspected with several fraud and mismatch tags', async () => {
    const s = await create();
    await press(
      s.authToken,
      'outcome=SUSPECTED&fraudTags=DUPLICATE_FACE&fraudTags=VIRTUAL_CAMERA&mismatchTags=NAME',
    );
    const answer = await status(s.scanRef);
    assert.equal(answer.status, 'SUSPECTED');
    assert.deepEqual(answer.fraudTags, ['DUPLICATE_FACE', 'VIRTUAL_CAMERA']);
    assert.deepEqual(answer.mismatchTags, ['NAME']);
  });

  it('Send to manual review, then the final verdict from the same page', async () => {
    const s = await create();
    await press(s.authToken, 'outcome=REVIEWING');
    const page = await call(`/api/v2/redirect?authToken=${s.authToken}`, { method: 'GET', auth: null });
    assert.match(page.text, /Reviewer&#39;s final verdict|Reviewer's final verdict/);
    assert.ok(!page.text.includes('Send to manual review</button>'));
    await press(s.authToken, 'outcome=APPROVED');
    const answer = await status(s.scanRef);
    assert.deepEqual(
      [answer.status, answer.manualDocument, answer.manualFace],
      ['APPROVED', 'DOC_VALIDATED', 'FACE_MATCH'],
    );
  });

  it('a missing outcome is 400 and finishing twice is 409, both on the page', async () => {
    const s = await create();
    assert.equal((await press(s.authToken, 'outcome=MAYBE')).status, 400);
    assert.equal((await press(s.authToken, 'outcome=APPROVED')).status, 303);
    const again = await press(s.authToken, 'outcome=DENIED');
    assert.equal(again.status, 409);
    assert.match(again.text, /class="error"/);
    assert.equal((await press('unknown', 'outcome=APPROVED')).status, 404);
  });
});

describe('POST /api/v2/status and /api/v2/full', () => {
  it('status: documented fields, manual ones empty until a reviewer acts; the model accepts it', async () => {
    const s = await create();
    const reply = await post('/api/v2/status', { scanRef: s.scanRef });
    assert.equal(reply.status, 200);
    assert.deepEqual(Object.keys(reply.json).sort(), [
      'autoDocument',
      'autoFace',
      'clientId',
      'fraudTags',
      'manualDocument',
      'manualFace',
      'mismatchTags',
      'scanRef',
      'status',
    ]);
    assert.ok(statusAnswer.safeParse(reply.json).success);
  });

  it('full: webhook-shaped, with the personal data from the request; the model accepts it', async () => {
    const s = await create({
      firstName: 'Jonas',
      lastName: 'Jonaitis',
      dateOfBirth: '1985-03-04',
      country: 'lt',
      sex: 'M',
    });
    emu.complete(s.scanRef, { kind: 'SUSPECTED', fraudTags: ['DUPLICATE_FACE'] });
    const reply = await post('/api/v2/full', { scanRef: s.scanRef });
    assert.equal(reply.status, 200);
    const parsed = fullAnswer.safeParse(reply.json);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    const { data, status: st } = parsed.data;
    assert.equal(st.overall, 'SUSPECTED');
    assert.deepEqual(st.fraudTags, ['DUPLICATE_FACE']);
    assert.deepEqual(
      [
        data.docFirstName,
        data.docLastName,
        data.docDob,
        data.docIssuingCountry,
        data.docSex,
        data.orgFirstName,
      ],
      ['JONAS', 'JONAITIS', '1985-03-04', 'LT', 'MALE', 'Jonas'],
    );
    assert.equal(parsed.data.final, false);
    assert.equal(typeof parsed.data.startTime, 'number');
  });

  for (const path of ['/api/v2/status', '/api/v2/full', '/api/v2/delete', '/api/v2/generate-pdf']) {
    it(`${path}: the token endpoint's errors (401, 405, JSON_ERROR, MISSING_VALUE, BAD_VALUE, 404)`, async () => {
      const s = await create();
      const wrong = await call(path, {
        body: JSON.stringify({ scanRef: s.scanRef }),
        auth: `${emu.apiKey}:wrong`,
      });
      assert.deepEqual([wrong.status, wrong.json.identifier], [401, 'UNAUTHORIZED']);
      const get = await call(path, { method: 'GET' });
      assert.deepEqual(
        [get.status, get.json.identifier, get.headers.allow],
        [405, 'METHOD_NOT_ALLOWED', 'POST'],
      );
      const bad = await call(path, { body: '{"scanRef":' });
      assert.deepEqual([bad.status, bad.json.identifier], [400, 'JSON_ERROR']);
      const missing = await post(path, {});
      assert.deepEqual(
        [missing.status, missing.json.identifier, missing.json.message],
        [400, 'MISSING_VALUE', "Field 'scanRef' is required."],
      );
      const badValue = await post(path, { scanRef: 42 });
      assert.deepEqual([badValue.status, badValue.json.identifier], [400, 'BAD_VALUE']);
      const unknown = await post(path, { scanRef: '00000000-0000-4000-8000-000000000000' });
      assert.deepEqual([unknown.status, unknown.json.identifier], [404, 'NOT_FOUND']);
      assert.match(String(unknown.json.message), /00000000-0000-4000-8000-000000000000/);
    });
  }
});

describe('photo links of the full result', () => {
  it('FRONT, BACK and FACE open an image for an hour on the clock, then answer 403; none before finishing', async () => {
    const s = await create();
    const before = (await post('/api/v2/full', { scanRef: s.scanRef })).json;
    assert.equal(before.fileUrls, null);
    emu.complete(s.scanRef, { kind: 'APPROVED' });
    const urls = (await post('/api/v2/full', { scanRef: s.scanRef })).json.fileUrls as Record<string, string>;
    assert.deepEqual(Object.keys(urls), ['FRONT', 'BACK', 'FACE']);
    const face = new URL(urls.FACE as string);
    assert.equal(face.origin, emu.url);
    const image = await call(face.pathname + face.search, { method: 'GET', auth: null });
    assert.deepEqual([image.status, image.headers['content-type']], [200, 'image/png']);
    clock += 3_600_000;
    const expired = await call(face.pathname + face.search, { method: 'GET', auth: null });
    assert.deepEqual([expired.status, expired.json.message], [403, 'Request has expired.']);
  });
});

describe('POST /api/v2/delete', () => {
  it('refused with PARTNER_ERROR while the token is valid; afterwards the data is gone and status says DELETED', async () => {
    const s = await create({ firstName: 'Ona', lastName: 'Onaite', expiryTime: 300 });
    emu.complete(s.scanRef, { kind: 'APPROVED' });
    const refused = await post('/api/v2/delete', { scanRef: s.scanRef });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.json, {
      identifier: 'PARTNER_ERROR',
      message: 'Token has not expired yet.',
      severity: 'NOT_SEVERE',
    });
    assert.equal((await status(s.scanRef)).status, 'APPROVED');
    clock += 300_000;
    const done = await post('/api/v2/delete', { scanRef: s.scanRef });
    assert.deepEqual([done.status, done.text], [200, '']);
    const answer = await status(s.scanRef);
    assert.equal(answer.status, 'DELETED');
    assert.equal(answer.autoDocument, null);
    const full = await post('/api/v2/full', { scanRef: s.scanRef });
    assert.ok(!full.text.includes('ONA') && !full.text.includes('Ona'), 'no personal data left');
    assert.equal((full.json.status as Record<string, unknown>).overall, 'DELETED');
    const page = await call(`/api/v2/redirect?authToken=${s.authToken}`, { method: 'GET', auth: null });
    assert.ok(!page.text.includes('Ona'), 'the page shows no personal data either');
    assert.equal(full.json.fileUrls, null);
    const pdf = await post('/api/v2/generate-pdf', { scanRef: s.scanRef });
    assert.deepEqual([pdf.status, pdf.json.identifier], [400, 'PARTNER_ERROR']);
    // Deleting again is harmless.
    assert.equal((await post('/api/v2/delete', { scanRef: s.scanRef })).status, 200);
  });
});

describe('GET /kyc/identifications/', () => {
  it('paginates a client’s verifications as documented, newest first', async () => {
    const refs: string[] = [];
    for (let n = 0; n < 5; n++) refs.push((await create({ clientId: 'paged-client' })).scanRef);
    emu.complete(refs[4] as string, { kind: 'SUSPECTED' });
    const first = await call('/kyc/identifications/?clientId=paged-client&perPage=2', { method: 'GET' });
    assert.equal(first.status, 200);
    assert.ok(identificationsPage.safeParse(first.json).success);
    assert.equal(first.json.count, 5);
    assert.equal(first.json.previous, null);
    assert.deepEqual(first.json.results, [
      { scanRef: refs[4], status: 'SUSPECTED', suspected: true },
      { scanRef: refs[3], status: 'ACTIVE', suspected: false },
    ]);
    const next = new URL(String(first.json.next));
    assert.equal(next.origin, emu.url);
    assert.deepEqual(Object.fromEntries(next.searchParams), {
      clientId: 'paged-client',
      page: '2',
      perPage: '2',
    });
    const last = await call('/kyc/identifications/?clientId=paged-client&perPage=2&page=3', {
      method: 'GET',
    });
    assert.deepEqual(
      (last.json.results as { scanRef: string }[]).map((r) => r.scanRef),
      [refs[0]],
    );
    assert.equal(last.json.next, null);
    assert.match(String(last.json.previous), /page=2/);
  });

  it('an unknown client has an empty first page; a page past the end is 404; auth and method as the API', async () => {
    const empty = await call('/kyc/identifications/?clientId=nobody', { method: 'GET' });
    assert.deepEqual(empty.json, { count: 0, next: null, previous: null, results: [] });
    const past = await call('/kyc/identifications/?clientId=nobody&page=2', { method: 'GET' });
    assert.equal(past.status, 404);
    const noAuth = await call('/kyc/identifications/?clientId=nobody', { method: 'GET', auth: null });
    assert.deepEqual([noAuth.status, noAuth.json.identifier], [401, 'UNAUTHORIZED']);
    const postIt = await call('/kyc/identifications/', { body: '{}' });
    assert.deepEqual([postIt.status, postIt.json.identifier], [405, 'METHOD_NOT_ALLOWED']);
    const badSize = await call('/kyc/identifications/?perPage=0', { method: 'GET' });
    assert.deepEqual([badSize.status, badSize.json.identifier], [400, 'BAD_VALUE']);
  });
});

describe('memory', () => {
  it('the cap on sessions applies to results too: an evicted scanRef is not found', async () => {
    const small = await startEmulator({ maxSessions: 1 });
    const own = new Agent();
    const headers = {
      authorization: `Basic ${Buffer.from(`${small.apiKey}:${small.apiSecret}`).toString('base64')}`,
      'content-type': 'application/json',
    };
    try {
      const refs: string[] = [];
      for (const clientId of ['a', 'b']) {
        const res = await request(`${small.url}/api/v2/token`, {
          method: 'POST',
          dispatcher: own,
          headers,
          body: JSON.stringify({ clientId }),
        });
        refs.push(String(((await res.body.json()) as { scanRef: string }).scanRef));
      }
      const codes: number[] = [];
      for (const scanRef of refs) {
        const res = await request(`${small.url}/api/v2/status`, {
          method: 'POST',
          dispatcher: own,
          headers,
          body: JSON.stringify({ scanRef }),
        });
        await res.body.dump();
        codes.push(res.statusCode);
      }
      assert.deepEqual(codes, [404, 200]);
    } finally {
      await own.close();
      await small.close();
    }
  });
});
