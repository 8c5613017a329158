/**
 * The offline emulator speaks the "Create verification session" page: defaults from its table,
 * upper-cased names, 40-character tokens, UUID scanRefs, 8-digit codes, iDenfy-style errors.
 * Driven over real loopback HTTP with undici (not through our client, so the two check each other).
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { Agent, request } from 'undici';
import { runCli } from '../../src/emulator/cli';
import { type Emulator, startEmulator } from '../../src/emulator/server';
import { FIELD_ORIGINS, KNOWN_PROPERTIES } from '../../src/model/request';
import { PAGE_EXAMPLES } from '../support/arbitraries';

let emu: Emulator;
let agent: Agent;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

async function call(
  path: string,
  init: {
    method?: string;
    body?: string | Buffer;
    auth?: string | null;
    headers?: Record<string, string>;
  } = {},
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
    headers: { 'content-type': 'application/json', ...auth, ...init.headers },
  });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}

function post(body: unknown): Promise<Reply> {
  return call('/api/v2/token', { body: JSON.stringify(body) });
}

function obj(reply: Reply): Record<string, unknown> {
  assert.equal(typeof reply.json, 'object', reply.text);
  return reply.json as Record<string, unknown>;
}

describe('emulator: successful sessions follow the page', { timeout: 30_000 }, () => {
  before(async () => {
    emu = await startEmulator();
    agent = new Agent();
  });
  after(async () => {
    await agent.close();
    await emu.close();
  });

  it('fills every table default for a clientId-only request', async () => {
    const reply = await post({ clientId: '100000' });
    assert.equal(reply.status, 201);
    const body = obj(reply);
    assert.equal(body.message, 'Token created successfully');
    assert.equal(body.clientId, '100000');
    assert.equal(body.locale, 'en');
    assert.equal(body.showInstructions, true);
    assert.equal(body.expiryTime, 86400);
    assert.equal(body.sessionLength, 1800);
    assert.deepEqual(body.documents, ['ID_CARD', 'PASSPORT']);
    assert.equal(body.tokenType, 'IDENTIFICATION');
    assert.deepEqual(body.videoCallQuestions, []);
    assert.equal(body.utilityBill, false);
    assert.equal(body.generateDigitString, false);
    assert.equal(body.successUrl, 'https://ui.idenfy.com/result?status=success');
    assert.equal(body.errorUrl, 'https://ui.idenfy.com/result?status=fail');
    assert.equal(body.unverifiedUrl, 'https://ui.idenfy.com/result?status=unverified');
    for (const key of [
      'firstName',
      'country',
      'dateOfBirth',
      'sex',
      'address',
      'additionalSteps',
      'callbackUrl',
    ]) {
      assert.equal(body[key], null, key);
    }
    const pageFields = [...FIELD_ORIGINS].filter(([, origin]) => origin === 'page').map(([name]) => name);
    assert.equal(pageFields.length, 28, 'the page table has 28 fields');
    for (const key of pageFields) assert.ok(key in body, `response has ${key}`);
  });

  it('generates a 40-character alphanumeric authToken and a UUID scanRef, unique per session', async () => {
    const a = obj(await post({ clientId: 'a' }));
    const b = obj(await post({ clientId: 'b' }));
    assert.match(String(a.authToken), /^[A-Za-z0-9]{40}$/);
    assert.match(String(a.scanRef), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(a.authToken, b.authToken);
    assert.notEqual(a.scanRef, b.scanRef);
  });

  it('echoes the request, upper-cases names and keeps given values over defaults', async () => {
    const body = obj(
      await post({
        clientId: '100000',
        firstName: 'John Tom',
        lastName: 'Smith',
        locale: 'lt',
        expiryTime: 600,
        documents: ['PASSPORT'],
        checkLiveness: true,
      }),
    );
    assert.equal(body.firstName, 'JOHN TOM');
    assert.equal(body.lastName, 'SMITH');
    assert.equal(body.locale, 'lt');
    assert.equal(body.expiryTime, 600);
    assert.deepEqual(body.documents, ['PASSPORT']);
    assert.equal(body.checkLiveness, true, 'custom settings are echoed too');
  });

  it('digitString is 8 digits when generateDigitString is true, else null', async () => {
    const on = obj(await post({ clientId: '1', generateDigitString: true }));
    assert.match(String(on.digitString), /^\d{8}$/);
    const off = obj(await post({ clientId: '1' }));
    assert.equal(off.digitString, null);
  });

  it('redirectUrl serves an escaped page about the emulated session', async () => {
    const body = obj(await post({ clientId: '<b>client</b>', address: '<script>alert(1)</script>' }));
    const redirect = new URL(String(body.redirectUrl));
    assert.equal(redirect.origin, emu.url);
    assert.equal(redirect.pathname, '/api/v2/redirect');
    assert.equal(redirect.searchParams.get('authToken'), body.authToken);
    const page = await call(`${redirect.pathname}${redirect.search}`, { method: 'GET' });
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.text, /offline iDenfy emulator/);
    assert.ok(page.text.includes(String(body.scanRef)));
    assert.ok(!page.text.includes('<script>'), 'user input is escaped');
    assert.ok(!page.text.includes('<b>client'), 'user input is escaped');
    assert.ok(page.text.includes('&lt;script&gt;'));
    const unknown = await call('/api/v2/redirect?authToken=%3Cx%3E', { method: 'GET' });
    assert.equal(unknown.status, 404);
    assert.ok(unknown.text.includes('&lt;x&gt;') && !unknown.text.includes('<x>'));
  });
});

/** The keys of the page's two example responses ("all fields provided" and "no fields provided"). */
const PAGE_RESPONSE_KEYS = {
  allFields: [
    'message',
    'authToken',
    'scanRef',
    'clientId',
    'firstName',
    'lastName',
    'successUrl',
    'errorUrl',
    'unverifiedUrl',
    'callbackUrl',
    'locale',
    'showInstructions',
    'country',
    'expiryTime',
    'sessionLength',
    'documents',
    'allowedDocuments',
    'dateOfBirth',
    'dateOfExpiry',
    'dateOfIssue',
    'nationality',
    'personalNumber',
    'documentNumber',
    'sex',
    'digitString',
    'address',
    'tokenType',
    'videoCallQuestions',
    'externalRef',
    'utilityBill',
    'additionalSteps',
    'additionalData',
  ],
  noFields: [
    'message',
    'authToken',
    'scanRef',
    'clientId',
    'personScanRef',
    'firstName',
    'lastName',
    'successUrl',
    'errorUrl',
    'locale',
    'showInstructions',
    'country',
    'expiryTime',
    'sessionLength',
    'documents',
    'allowedDocuments',
    'dateOfBirth',
    'dateOfExpiry',
    'dateOfIssue',
    'nationality',
    'personalNumber',
    'documentNumber',
    'sex',
    'digitString',
    'address',
    'tokenType',
    'videoCallQuestions',
    'externalRef',
    'utilityBill',
    'additionalSteps',
    'additionalData',
  ],
};

describe("emulator: answers like the page's example responses", { timeout: 30_000 }, () => {
  before(async () => {
    emu = await startEmulator();
    agent = new Agent();
  });
  after(async () => {
    await agent.close();
    await emu.close();
  });

  it('a clientId-only request gets every key of the "no fields provided" example', async () => {
    const body = obj(await post({ clientId: '100000' }));
    const missing = PAGE_RESPONSE_KEYS.noFields.filter((k) => !(k in body));
    assert.deepEqual(missing, []);
    assert.equal(body.personScanRef, '100000');
    assert.deepEqual(body.allowedDocuments, { ALL: ['ID_CARD', 'PASSPORT'] });
  });

  it('the full-control example request gets every key of the "all fields provided" example, echoed', async () => {
    const request = PAGE_EXAMPLES[2] ?? {};
    const body = obj(await post(request));
    const missing = PAGE_RESPONSE_KEYS.allFields.filter((k) => !(k in body));
    assert.deepEqual(missing, []);
    assert.deepEqual(body.allowedDocuments, { ALL: ['PASSPORT'] });
    for (const [key, value] of Object.entries(request)) {
      if (key === 'firstName' || key === 'lastName') assert.equal(body[key], String(value).toUpperCase());
      else assert.deepEqual(body[key], value, key);
    }
  });

  it('carries the default of every optional field the request left out', async () => {
    const body = obj(await post({ clientId: '1' }));
    const optional = KNOWN_PROPERTIES.filter(
      (p) => p !== 'clientId' && FIELD_ORIGINS.get(p) !== 'dev-testing',
    );
    const missing = optional.filter((p) => !(p in body));
    assert.deepEqual(missing, [], 'optional fields missing from the answer');
    assert.equal(body.checkLiveness, false, 'a custom setting left out is answered as off');
    assert.equal(body.questionnaireRequired, true, "the OpenAPI model's default");
    assert.deepEqual(body.fraudServices, []);
    assert.equal(body.faceMatchingThresholdModifier, 1);
    assert.ok(!('dummyStatus' in body), 'dummyStatus is answered only when it was sent');
  });
});

describe('emulator: dummyStatus creates a finished verification', { timeout: 30_000 }, () => {
  before(async () => {
    emu = await startEmulator();
    agent = new Agent();
  });
  after(async () => {
    await agent.close();
    await emu.close();
  });

  for (const status of ['APPROVED', 'DENIED', 'SUSPECTED', 'EXPIRED']) {
    it(`${status}: the documented message, and the page shows the session already finished`, async () => {
      const body = obj(await post({ clientId: 'dummy-1', dummyStatus: status }));
      assert.equal(body.message, 'Dummy token and verification created successfully');
      assert.equal(body.dummyStatus, status);
      const redirect = new URL(String(body.redirectUrl));
      const page = await call(`${redirect.pathname}${redirect.search}`, { method: 'GET' });
      assert.equal(page.status, 200);
      assert.match(page.text, new RegExp(`Status: <strong>${status}</strong>`));
      assert.match(page.text, /created already finished/);
    });
  }

  it('ACTIVE (older pages): the dummy message, and the session waits for the client', async () => {
    const body = obj(await post({ clientId: 'dummy-2', dummyStatus: 'ACTIVE' }));
    assert.equal(body.message, 'Dummy token and verification created successfully');
    const redirect = new URL(String(body.redirectUrl));
    const page = await call(`${redirect.pathname}${redirect.search}`, { method: 'GET' });
    assert.match(page.text, /Status: <strong>ACTIVE<\/strong>, waiting for the client/);
  });

  it('an unknown dummyStatus is a BAD_VALUE naming the field', async () => {
    const reply = await post({ clientId: 'dummy-3', dummyStatus: 'REVIEWING' });
    assert.equal(reply.status, 400);
    assert.equal(obj(reply).identifier, 'BAD_VALUE');
    assert.match(String(obj(reply).message), /^Field 'dummyStatus'/);
  });
});

describe('emulator: memory', { timeout: 30_000 }, () => {
  it('keeps the pages of the newest sessions only, so a long run does not grow without bound', async () => {
    const small = await startEmulator({ maxSessions: 2 });
    const own = new Agent();
    const auth = `Basic ${Buffer.from(`${small.apiKey}:${small.apiSecret}`).toString('base64')}`;
    try {
      const tokens: string[] = [];
      for (let n = 0; n < 3; n++) {
        const res = await request(`${small.url}/api/v2/token`, {
          method: 'POST',
          dispatcher: own,
          headers: { authorization: auth, 'content-type': 'application/json' },
          body: JSON.stringify({ clientId: `c${n}` }),
        });
        tokens.push(String(((await res.body.json()) as { authToken: string }).authToken));
      }
      const statuses: number[] = [];
      for (const token of tokens) {
        const page = await request(`${small.url}/api/v2/redirect?authToken=${token}`, { dispatcher: own });
        await page.body.dump();
        statuses.push(page.statusCode);
      }
      assert.deepEqual(statuses, [404, 200, 200]);
    } finally {
      await own.close();
      await small.close();
    }
  });
});

describe('emulator: errors look like iDenfy errors', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    emu = await startEmulator();
    agent = new Agent();
  });
  afterEach(async () => {
    await agent.close();
    await emu.close();
  });

  it('401 UNAUTHORIZED for a wrong secret, a wrong key, or no header', async () => {
    for (const auth of [`${emu.apiKey}:wrong`, `wrong:${emu.apiSecret}`, null, 'no-colon']) {
      const reply = await call('/api/v2/token', { body: '{"clientId":"1"}', auth });
      assert.equal(reply.status, 401, String(auth));
      assert.equal(obj(reply).identifier, 'UNAUTHORIZED');
      assert.ok(!reply.text.includes(emu.apiSecret));
    }
  });

  it('405 METHOD_NOT_ALLOWED for other methods on the token path', async () => {
    const reply = await call('/api/v2/token', { method: 'GET' });
    assert.equal(reply.status, 405);
    assert.equal(obj(reply).identifier, 'METHOD_NOT_ALLOWED');
    assert.equal(reply.headers.allow, 'POST');
  });

  it('404 for unknown paths', async () => {
    const reply = await call('/api/v2/nope');
    assert.equal(reply.status, 404);
    assert.equal(typeof obj(reply).message, 'string');
  });

  it('400 JSON_ERROR for malformed JSON and for JSON that is not an object', async () => {
    for (const body of ['{"clientId":', '[1,2]', 'null', '"text"']) {
      const reply = await call('/api/v2/token', { body });
      assert.equal(reply.status, 400, body);
      assert.equal(obj(reply).identifier, 'JSON_ERROR', body);
    }
  });

  it('400 ENCODING_ERROR for a body that is not UTF-8', async () => {
    const reply = await call('/api/v2/token', { body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) });
    assert.equal(obj(reply).identifier, 'ENCODING_ERROR');
  });

  it('400 MISSING_VALUE says "Field \'clientId\' is required."', async () => {
    const reply = await post({ firstName: 'John' });
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.json, { identifier: 'MISSING_VALUE', message: "Field 'clientId' is required." });
  });

  it('400 BAD_VALUE names the top-level field as "Field \'<name>\' ..."', async () => {
    const name = obj(await post({ clientId: '1', firstName: 'J0hn' }));
    assert.equal(name.identifier, 'BAD_VALUE');
    assert.match(String(name.message), /^Field 'firstName'/);
    const nested = obj(await post({ clientId: '1', documents: ['NOT_A_DOCUMENT'] }));
    assert.match(String(nested.message), /^Field 'documents'/);
    const tooLong = obj(await post({ clientId: 'x'.repeat(101) }));
    assert.match(String(tooLong.message), /^Field 'clientId'/);
  });

  it('413 for a body over 2 MiB', async () => {
    const reply = await call('/api/v2/token', {
      body: JSON.stringify({ clientId: 'x'.repeat(3 * 1024 * 1024) }),
    });
    assert.equal(reply.status, 413);
  });

  it('413 for a chunked body over 2 MiB, which declares no length up front', async () => {
    const chunk = Buffer.alloc(256 * 1024, 'x');
    function* chunks() {
      for (let i = 0; i < 12; i++) yield chunk;
    }
    const res = await request(`${emu.url}/api/v2/token`, {
      method: 'POST',
      dispatcher: agent,
      body: Readable.from(chunks()),
    }).catch((err: unknown) => err);
    // The emulator answers as soon as the cap is passed; undici sees the 413 or, if it was
    // still writing when the socket closed, a reset. Either way the body was not accepted.
    if (res instanceof Error) {
      assert.match(String((res as { code?: string }).code), /ECONNRESET|EPIPE|UND_ERR_SOCKET/);
    } else {
      const r = res as Awaited<ReturnType<typeof request>>;
      await r.body.dump();
      assert.equal(r.statusCode, 413);
    }
    assert.equal(emu.requests, 1);
  });

  it('uses the credentials it is given, and counts POSTs only', async () => {
    const own = await startEmulator({ apiKey: 'my-key', apiSecret: 'my-secret' });
    try {
      assert.equal(own.apiKey, 'my-key');
      assert.equal(own.apiSecret, 'my-secret');
      const res = await request(`${own.url}/api/v2/token`, {
        method: 'POST',
        dispatcher: agent,
        body: '{"clientId":"1"}',
        headers: { authorization: `Basic ${Buffer.from('my-key:my-secret').toString('base64')}` },
      });
      await res.body.dump();
      assert.equal(res.statusCode, 201);
      const get = await request(`${own.url}/api/v2/token`, { dispatcher: agent });
      await get.body.dump();
      assert.equal(own.requests, 1);
    } finally {
      await own.close();
    }
  });

  it('generates different random credentials per instance', async () => {
    const other = await startEmulator();
    try {
      assert.notEqual(other.apiKey, emu.apiKey);
      assert.notEqual(other.apiSecret, emu.apiSecret);
      assert.ok(emu.apiSecret.length >= 24);
      assert.ok(!emu.apiKey.includes(':'), 'a colon would break basic auth');
    } finally {
      await other.close();
    }
  });

  it('status fault sends any canned body; clearing the fault restores normal answers', async () => {
    emu.setFault({ kind: 'status', status: 409, body: { identifier: 'PARTNER_ERROR', message: 'dup' } });
    assert.equal((await post({ clientId: '1' })).status, 409);
    emu.setFault(undefined);
    assert.equal((await post({ clientId: '1' })).status, 201);
    assert.equal(emu.requests, 2);
  });

  it('close() ends promptly even with a request left hanging by noAnswer', async () => {
    emu.setFault({ kind: 'noAnswer' });
    const arrived = once(emu.events, 'request');
    const pending = call('/api/v2/token', { body: '{"clientId":"1"}' }).then(
      () => 'answered',
      () => 'closed',
    );
    await arrived;
    const t0 = Date.now();
    await emu.close();
    assert.ok(Date.now() - t0 < 1000);
    assert.equal(await pending, 'closed');
  });
});

describe('emulator CLI', { timeout: 30_000 }, () => {
  it('prints the URL and key, and the secret only with --show-secret', async () => {
    const lines: string[] = [];
    const quiet = await runCli([], {}, { print: (l) => lines.push(l) });
    assert.ok(quiet);
    try {
      const out = lines.join('\n');
      assert.ok(out.includes(quiet.url));
      assert.ok(out.includes(quiet.apiKey));
      assert.ok(!out.includes(quiet.apiSecret), 'secret hidden by default');
      assert.match(out, /--show-secret/);
    } finally {
      await quiet.close();
    }

    const shown: string[] = [];
    const loud = await runCli(
      ['--show-secret'],
      { IDENFY_EMULATOR_API_KEY: 'k1' },
      { print: (l) => shown.push(l) },
    );
    assert.ok(loud);
    try {
      assert.equal(loud.apiKey, 'k1');
      assert.ok(shown.join('\n').includes(loud.apiSecret));
    } finally {
      await loud.close();
    }
  });

  it('rejects a bad port or unknown flag without starting', async () => {
    const lines: string[] = [];
    assert.equal(await runCli(['--port', 'abc'], {}, { print: (l) => lines.push(l) }), undefined);
    assert.equal(await runCli(['--bogus'], {}, { print: (l) => lines.push(l) }), undefined);
    assert.equal(lines.length, 2);
  });
});
