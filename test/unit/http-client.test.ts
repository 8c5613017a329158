/**
 * The HTTP client against the offline emulator on 127.0.0.1: real sockets, real faults,
 * no mocked fetch. Every case also checks that exactly one POST reached the server (no retry)
 * and that the secret never appears in what the client returns.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { Agent } from 'undici';
import { type Emulator, startEmulator } from '../../src/emulator/server';
import { checkBaseUrl } from '../../src/http/base-url';
import { type CreateSessionOptions, type CreateSessionResult, createSession } from '../../src/http/client';
import { dispatcherFor } from '../../src/http/dispatcher';
import type { IdenfyFailure } from '../../src/http/errors';
import { type ForwardProxy, startForwardProxy } from '../support/forward-proxy';
import { makeSelfSignedCert } from '../support/self-signed';

const BODY = JSON.stringify({ clientId: 'client-1', firstName: 'John Tom', lastName: 'Smith' });

let emu: Emulator;

function send(overrides: Partial<CreateSessionOptions> = {}): Promise<CreateSessionResult> {
  return createSession({
    baseUrl: emu.url,
    apiKey: emu.apiKey,
    apiSecret: emu.apiSecret,
    body: BODY,
    ...overrides,
  });
}

function expectFailure(result: CreateSessionResult, secret = emu.apiSecret): IdenfyFailure {
  assert.equal(result.ok, false, `expected a failure, got ${JSON.stringify(result)}`);
  if (result.ok) throw new Error('unreachable');
  assert.ok(!JSON.stringify(result).includes(secret), 'the secret leaked into the result');
  assert.match(result.failure.message, /\.$/);
  return result.failure;
}

/** Each failing call must have reached the server exactly once: POSTs are never retried. */
function assertOnePost(): void {
  assert.equal(emu.requests, 1, 'exactly one POST');
}

describe('createSession against the emulator', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    emu = await startEmulator();
  });
  afterEach(async () => {
    await emu.close();
  });

  it('creates a session: 201, parsed body, duration and request id', async () => {
    let sentHook = 0;
    const result = await send({ onRequestSent: () => sentHook++ });
    assert.equal(result.ok, true, JSON.stringify(result));
    if (!result.ok) return;
    assert.equal(result.status, 201);
    assert.match(result.body.authToken, /^[A-Za-z0-9]{40}$/);
    assert.equal(result.body.clientId, 'client-1');
    assert.equal(result.body.firstName, 'JOHN TOM', 'unknown fields are kept');
    assert.ok(result.durationMs >= 0);
    assert.match(result.requestId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(sentHook, 1);
    assertOnePost();
  });

  it('401: wrong secret asks for credentials and never echoes the secret', async () => {
    const wrong = 'definitely-not-the-secret-42';
    const f = expectFailure(await send({ apiSecret: wrong }), wrong);
    assert.deepEqual([f.cause, f.action, f.status], ['unauthorized', 'setCredentials', 401]);
    assert.equal(f.message, 'iDenfy rejected the API key or secret: set the credentials again.');
    assertOnePost();
  });

  it('400 MISSING_VALUE names the field', async () => {
    const f = expectFailure(await send({ body: '{"firstName":"John"}' }));
    assert.deepEqual([f.cause, f.field, f.action], ['missingValue', 'clientId', 'showProblems']);
    assertOnePost();
  });

  it('400 BAD_VALUE names the field', async () => {
    const f = expectFailure(await send({ body: '{"clientId":"1","firstName":"J0hn"}' }));
    assert.deepEqual([f.cause, f.field, f.code], ['badValue', 'firstName', 'BAD_VALUE']);
    assertOnePost();
  });

  it('400 JSON_ERROR for a body that is not JSON', async () => {
    const f = expectFailure(await send({ body: '{"clientId": ' }));
    assert.deepEqual([f.cause, f.action], ['jsonError', 'showProblems']);
    assertOnePost();
  });

  it('404 when the base URL points somewhere without the endpoint', async () => {
    const f = expectFailure(await send({ baseUrl: `${emu.url}/not-idenfy` }));
    assert.deepEqual([f.cause, f.action, f.status], ['notFound', 'openSettings', 404]);
  });

  it('405 METHOD_NOT_ALLOWED', async () => {
    emu.setFault({
      kind: 'status',
      status: 405,
      body: { identifier: 'METHOD_NOT_ALLOWED', message: 'Method "POST" not allowed.' },
    });
    const f = expectFailure(await send());
    assert.deepEqual([f.cause, f.action], ['methodNotAllowed', 'openSettings']);
    assertOnePost();
  });

  it('403 PARTNER_CONTRACT_ERROR names the option the contract lacks', async () => {
    emu.setFault({
      kind: 'status',
      status: 403,
      body: {
        identifier: 'PARTNER_CONTRACT_ERROR',
        message: "Field 'generateDigitString' is not allowed by contract.",
      },
    });
    const f = expectFailure(await send());
    assert.deepEqual([f.cause, f.field, f.action], ['contractError', 'generateDigitString', 'none']);
    assertOnePost();
  });

  it('403 PERMISSIONS_ERROR', async () => {
    emu.setFault({ kind: 'status', status: 403, body: { identifier: 'PERMISSIONS_ERROR', message: 'No.' } });
    assert.equal(expectFailure(await send()).cause, 'permissionDenied');
    assertOnePost();
  });

  it('409 duplicate active clientId', async () => {
    emu.setFault({
      kind: 'status',
      status: 409,
      body: { identifier: 'PARTNER_ERROR', message: 'Client already has an active session.' },
    });
    const f = expectFailure(await send());
    assert.deepEqual([f.cause, f.field], ['duplicateClientId', 'clientId']);
    assertOnePost();
  });

  it('429 with Retry-After in seconds, and as an HTTP date', async () => {
    emu.setFault({ kind: 'tooManyRequests', retryAfter: 30 });
    const f = expectFailure(await send());
    assert.deepEqual([f.cause, f.retryAfterSeconds, f.outcomeUnknown], ['rateLimited', 30, false]);
    assertOnePost();

    emu.setFault({ kind: 'tooManyRequests', retryAfter: new Date(Date.now() + 120_000).toUTCString() });
    const dated = expectFailure(await send());
    assert.ok(
      dated.retryAfterSeconds !== undefined &&
        dated.retryAfterSeconds > 100 &&
        dated.retryAfterSeconds <= 121,
    );
  });

  it('500 with an HTML page: server error, probably a proxy, not an unknown outcome', async () => {
    emu.setFault({ kind: 'html500' });
    const f = expectFailure(await send());
    assert.deepEqual([f.cause, f.status, f.outcomeUnknown], ['serverError', 500, false]);
    assert.match(f.message, /proxy may have answered/);
    assertOnePost();
  });

  it('502 from a gateway: a session may exist', async () => {
    emu.setFault({ kind: 'status', status: 502, body: 'Bad Gateway' });
    const f = expectFailure(await send());
    assert.deepEqual([f.cause, f.outcomeUnknown], ['serverError', true]);
    assertOnePost();
  });

  it('2xx that is not JSON, is empty, or lacks authToken: a session may exist', async () => {
    const cases = [
      { kind: 'nonJson200' },
      { kind: 'missingAuthToken201' },
      { kind: 'status', status: 201, body: undefined },
    ] as const;
    for (const fault of cases) {
      emu.setFault(fault);
      const f = expectFailure(await send());
      assert.deepEqual([f.cause, f.outcomeUnknown], ['invalidSuccessBody', true], fault.kind);
      assert.match(f.message, /check the iDenfy dashboard before sending again/);
    }
    assert.equal(emu.requests, cases.length);
  });

  it('the secret is redacted even when the server quotes it back', async () => {
    emu.setFault({
      kind: 'status',
      status: 400,
      body: { identifier: 'BAD_VALUE', message: `Field 'clientId' bad; your secret is ${emu.apiSecret}` },
    });
    const f = expectFailure(await send());
    assert.match(f.message, /\[redacted\]/);
  });

  it('connection reset as the request arrives: the request was written, so the outcome is unknown', async () => {
    emu.setFault({ kind: 'resetBeforeBody' });
    const f = expectFailure(await send());
    assert.deepEqual([f.cause, f.outcomeUnknown], ['connectionReset', true]);
    assertOnePost();
  });

  it('connection lost in the middle of a 201 body: a session may exist', async () => {
    emu.setFault({ kind: 'resetMidResponse' });
    const f = expectFailure(await send());
    assert.deepEqual([f.cause, f.outcomeUnknown, f.status], ['connectionReset', true, 201]);
    assert.match(f.message, /after iDenfy answered HTTP 201, so a session was probably created/);
    assertOnePost();
  });

  it('no answer: timeout, outcome unknown, one POST', async () => {
    emu.setFault({ kind: 'noAnswer' });
    const f = expectFailure(await send({ timeoutMs: 300 }));
    assert.deepEqual([f.cause, f.outcomeUnknown], ['timeout', true]);
    assert.match(f.message, /did not answer within 300 ms, so a session may have been created/);
    assertOnePost();
  });

  it('headers then a stalled body: timeout, outcome unknown', async () => {
    emu.setFault({ kind: 'stallBody' });
    const f = expectFailure(await send({ timeoutMs: 300 }));
    assert.deepEqual([f.cause, f.outcomeUnknown, f.status], ['timeout', true, 201]);
    assertOnePost();
  });

  it('a slow answer within the timeout succeeds; beyond it times out', async () => {
    emu.setFault({ kind: 'delay', ms: 50 });
    assert.equal((await send({ timeoutMs: 5000 })).ok, true);
    emu.setFault({ kind: 'delay', ms: 2000 });
    const f = expectFailure(await send({ timeoutMs: 200 }));
    assert.equal(f.cause, 'timeout');
    assert.equal(emu.requests, 2);
  });

  it('a 50 MB body is refused at the cap without reading it all', async () => {
    emu.setFault({ kind: 'oversized', bytes: 50 * 1024 * 1024 });
    const done = once(emu.events, 'oversizedDone');
    const memBefore = process.memoryUsage();
    const f = expectFailure(await send());
    const memAfter = process.memoryUsage();
    assert.deepEqual([f.cause, f.outcomeUnknown], ['responseTooLarge', true]);
    const [{ bytesSent, completed }] = (await done) as [{ bytesSent: number; completed: boolean }];
    assert.equal(completed, false, 'the server had to stop: the client went away');
    // Socket buffers let the server run ahead of the 1 MiB cap by a few MB, never by 50.
    assert.ok(bytesSent < 20 * 1024 * 1024, `server sent ${bytesSent} bytes`);
    const grew = memAfter.arrayBuffers + memAfter.heapUsed - (memBefore.arrayBuffers + memBefore.heapUsed);
    assert.ok(grew < 30 * 1024 * 1024, `memory grew by ${grew} bytes`);
    assertOnePost();
  });

  it('a declared Content-Length over the cap is refused from the header', async () => {
    emu.setFault({ kind: 'status', status: 200, body: 'x'.repeat(2 * 1024 * 1024) });
    const f = expectFailure(await send());
    assert.equal(f.cause, 'responseTooLarge');
    const small = expectFailure(await send({ maxResponseBytes: 10 }));
    assert.equal(small.cause, 'responseTooLarge');
  });
});

describe('cancellation', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    emu = await startEmulator();
  });
  afterEach(async () => {
    await emu.close();
  });

  async function cancelAndTime(overrides: Partial<CreateSessionOptions>): Promise<CreateSessionResult> {
    const controller = new AbortController();
    const arrived = once(emu.events, 'request');
    const pending = send({ ...overrides, signal: controller.signal, timeoutMs: 10_000 });
    const [req] = (await arrived) as [import('node:http').IncomingMessage];
    // Not events.once: it would reject on the socket's ECONNRESET, which is how the close arrives.
    const closed = new Promise((resolve) => req.socket.once('close', resolve));
    const t0 = performance.now();
    controller.abort();
    await closed;
    const ms = performance.now() - t0;
    assert.ok(ms < 100, `server saw the socket close after ${ms.toFixed(1)} ms`);
    return pending;
  }

  it('Cancel while waiting for the answer closes the socket within 100 ms', async () => {
    emu.setFault({ kind: 'noAnswer' });
    const f = expectFailure(await cancelAndTime({}));
    assert.equal(f.cause, 'cancelled');
    assert.equal(f.outcomeUnknown, true, 'the request had been written');
    assertOnePost();
  });

  it('Cancel while the body is stalled, through a caller-owned dispatcher, also closes promptly', async () => {
    emu.setFault({ kind: 'stallBody' });
    const dispatcher = dispatcherFor({ strictSSL: true }, emu.url, {});
    try {
      const f = expectFailure(await cancelAndTime({ dispatcher }));
      assert.equal(f.cause, 'cancelled');
    } finally {
      await dispatcher.close();
    }
    assertOnePost();
  });

  it('an already-cancelled signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const f = expectFailure(await send({ signal: controller.signal }));
    assert.deepEqual([f.cause, f.outcomeUnknown], ['cancelled', false]);
    assert.equal(emu.requests, 0);
  });
});

describe('failures before anything is sent', { timeout: 30_000 }, () => {
  it('ECONNREFUSED: nothing listening', async () => {
    const server = createNetServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    server.close();
    await once(server, 'close');
    let sent = false;
    const result = await createSession({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: 'k',
      apiSecret: 'the-secret',
      body: BODY,
      onRequestSent: () => {
        sent = true;
      },
    });
    const f = expectFailure(result, 'the-secret');
    assert.deepEqual([f.cause, f.outcomeUnknown, f.action], ['connectionRefused', false, 'openSettings']);
    assert.equal(sent, false);
  });

  it('ENOTFOUND from the resolver (injected lookup, so no DNS traffic leaves the machine)', async () => {
    const dispatcher = new Agent({
      connect: {
        lookup: (hostname, _opts, callback) => {
          const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
          (callback as (e: Error) => void)(err);
        },
      },
    });
    try {
      const result = await createSession({
        baseUrl: 'https://ivs.idenfy.invalid',
        apiKey: 'k',
        apiSecret: 'the-secret',
        body: BODY,
        dispatcher,
      });
      const f = expectFailure(result, 'the-secret');
      assert.deepEqual([f.cause, f.outcomeUnknown], ['dnsNotFound', false]);
    } finally {
      await dispatcher.close();
    }
  });

  it('a refused base URL opens no socket', async () => {
    // A connector that counts attempts and refuses them: even broken code cannot reach the network.
    let attempts = 0;
    const dispatcher = new Agent({
      connect: (_opts, callback) => {
        attempts++;
        callback(new Error('connection attempt blocked by the test'), null);
      },
    });
    try {
      const result = await createSession({
        baseUrl: 'http://example.com',
        apiKey: 'k',
        apiSecret: 'the-secret',
        body: BODY,
        dispatcher,
      });
      const f = expectFailure(result, 'the-secret');
      assert.deepEqual([f.cause, f.action], ['baseUrlRefused', 'openSettings']);
      assert.equal(attempts, 0);
    } finally {
      await dispatcher.close();
    }
  });

  it('a reset during the TLS handshake: nothing was sent, safe to try again', async () => {
    const server = createNetServer((s) => s.destroy());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      const f = expectFailure(
        await createSession({
          baseUrl: `https://127.0.0.1:${port}`,
          apiKey: 'k',
          apiSecret: 'the-secret',
          body: BODY,
        }),
        'the-secret',
      );
      assert.deepEqual([f.cause, f.outcomeUnknown], ['connectionReset', false]);
    } finally {
      server.close();
    }
  });
});

describe('TLS against a self-signed https emulator', { timeout: 30_000 }, () => {
  const tls = makeSelfSignedCert();
  let tlsEmu: Emulator;
  before(async () => {
    if (tls) tlsEmu = await startEmulator({ tls });
  });
  after(async () => {
    await tlsEmu?.close();
  });

  it('refuses the certificate by default and says so', {
    skip: tls ? false : 'openssl not available',
  }, async () => {
    const result = await createSession({
      baseUrl: tlsEmu.url,
      apiKey: tlsEmu.apiKey,
      apiSecret: tlsEmu.apiSecret,
      body: BODY,
    });
    const f = expectFailure(result, tlsEmu.apiSecret);
    assert.deepEqual(
      [f.cause, f.code, f.outcomeUnknown],
      ['tlsCertificate', 'DEPTH_ZERO_SELF_SIGNED_CERT', false],
    );
    assert.equal(tlsEmu.requests, 0, 'nothing reached the server');
  });

  it('still refuses it on a direct connection when http.proxyStrictSSL is false', {
    skip: !tls,
  }, async () => {
    // VS Code's extension host never applies proxyStrictSSL to a direct connection; neither do we.
    const dispatcher = dispatcherFor({ strictSSL: false }, tlsEmu.url, {});
    try {
      const result = await createSession({
        baseUrl: tlsEmu.url,
        apiKey: tlsEmu.apiKey,
        apiSecret: tlsEmu.apiSecret,
        body: BODY,
        dispatcher,
      });
      const f = expectFailure(result, tlsEmu.apiSecret);
      assert.equal(f.cause, 'tlsCertificate');
      assert.equal(tlsEmu.requests, 0, 'nothing reached the server');
    } finally {
      await dispatcher.close();
    }
  });
});

describe('through a forward proxy (dispatcherFor with http.proxy)', { timeout: 30_000 }, () => {
  let proxy: ForwardProxy;
  before(async () => {
    emu = await startEmulator();
    proxy = await startForwardProxy();
  });
  beforeEach(() => {
    proxy.seen = [];
    proxy.refuse = undefined;
  });
  after(async () => {
    await proxy.close();
    await emu.close();
  });

  it('sends an http:// target to the proxy in absolute form, loopback included', async () => {
    const before = emu.requests;
    const dispatcher = dispatcherFor({ proxy: proxy.url, strictSSL: true }, emu.url, {});
    try {
      const result = await send({ dispatcher });
      assert.equal(result.ok, true, JSON.stringify(result));
      assert.deepEqual(proxy.seen, [{ method: 'POST', target: `${emu.url}/api/v2/token` }]);
      assert.equal(emu.requests, before + 1, 'exactly one POST reached the target');
    } finally {
      await dispatcher.close();
    }
  });

  it('a proxy that refuses is reported with its status, and nothing reaches iDenfy', async () => {
    proxy.refuse = 403;
    const before = emu.requests;
    const dispatcher = dispatcherFor({ proxy: proxy.url, strictSSL: true }, emu.url, {});
    try {
      const f = expectFailure(await send({ dispatcher }));
      assert.equal(f.status, 403);
      assert.equal(emu.requests, before, 'nothing reached iDenfy');
    } finally {
      await dispatcher.close();
    }
  });

  it('a proxy value without a scheme gets a specific message and opens no socket', async () => {
    const before = emu.requests;
    const dispatcher = dispatcherFor({ proxy: '127.0.0.1:3128', strictSSL: true }, emu.url, {});
    const f = expectFailure(await send({ dispatcher }));
    assert.deepEqual([f.cause, f.action, f.outcomeUnknown], ['proxyError', 'openSettings', false]);
    assert.equal(
      f.message,
      'The proxy in http.proxy ("127.0.0.1:3128") has no scheme, so nothing was sent: write it as http://127.0.0.1:3128 (or https:// for a proxy that speaks TLS) in Settings.',
    );
    assert.equal(emu.requests, before);
    assert.deepEqual(proxy.seen, []);
  });
});

describe('through a forward proxy to an https target (CONNECT)', { timeout: 30_000 }, () => {
  const tls = makeSelfSignedCert();
  let proxy: ForwardProxy;
  let tlsEmu: Emulator;
  before(async () => {
    proxy = await startForwardProxy();
    if (tls) tlsEmu = await startEmulator({ tls });
  });
  after(async () => {
    await proxy.close();
    await tlsEmu?.close();
  });

  it('tunnels with CONNECT; proxyStrictSSL=false accepts a re-signed certificate through the proxy', {
    skip: tls ? false : 'openssl not available',
  }, async () => {
    const dispatcher = dispatcherFor({ proxy: proxy.url, strictSSL: false }, tlsEmu.url, {});
    try {
      const result = await createSession({
        baseUrl: tlsEmu.url,
        apiKey: tlsEmu.apiKey,
        apiSecret: tlsEmu.apiSecret,
        body: BODY,
        dispatcher,
      });
      assert.equal(result.ok, true, JSON.stringify(result));
      assert.deepEqual(proxy.seen, [{ method: 'CONNECT', target: new URL(tlsEmu.url).host }]);
      assert.equal(tlsEmu.requests, 1);
    } finally {
      await dispatcher.close();
    }
  });

  it('a proxy that refuses the tunnel is reported as a proxy problem, and nothing reaches iDenfy', {
    skip: tls ? false : 'openssl not available',
  }, async () => {
    proxy.seen = [];
    proxy.refuse = 407;
    const before = tlsEmu.requests;
    const dispatcher = dispatcherFor({ proxy: proxy.url, strictSSL: true }, tlsEmu.url, {});
    try {
      const result = await createSession({
        baseUrl: tlsEmu.url,
        apiKey: tlsEmu.apiKey,
        apiSecret: tlsEmu.apiSecret,
        body: BODY,
        dispatcher,
      });
      const f = expectFailure(result, tlsEmu.apiSecret);
      assert.deepEqual([f.cause, f.action, f.outcomeUnknown], ['proxyError', 'openSettings', false]);
      assert.equal(tlsEmu.requests, before);
    } finally {
      proxy.refuse = undefined;
      await dispatcher.close();
    }
  });
});

describe('checkBaseUrl', () => {
  const accepted = [
    'https://ivs.idenfy.com',
    'https://x',
    'http://localhost',
    'http://localhost:8080/',
    'http://127.0.0.1:3000',
    'http://127.0.0.5',
    'http://[::1]:9000',
    'https://gateway.example.com/idenfy',
  ];
  const refused = [
    'http://example.com',
    'http://10.0.0.1',
    'http://localhost.example.com',
    'ftp://ivs.idenfy.com',
    'not a url',
    '',
    'https://user:pw@ivs.idenfy.com',
    'https://ivs.idenfy.com/?x=1',
  ];
  for (const url of accepted) {
    it(`accepts ${url}`, () => assert.equal(checkBaseUrl(url).ok, true));
  }
  for (const url of refused) {
    it(`refuses ${JSON.stringify(url)} with a sentence`, () => {
      const check = checkBaseUrl(url);
      assert.equal(check.ok, false);
      if (!check.ok) {
        assert.match(check.message, /^The iDenfy base URL .*\.$/);
        assert.ok(!check.message.includes('pw'), 'credentials in the URL are not echoed');
      }
    });
  }
});
