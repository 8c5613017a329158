/**
 * Reliability, network faults: each fault goes through sendRequest (the command's send path) with
 * a real HistoryStore on a Map-backed storage, against the emulator or a raw socket on 127.0.0.1.
 * Every fault must end in
 *   - one clear message (one sentence, no secret) and one log line without the secret,
 *   - exactly one POST on the server (none when the connection or TLS never got that far),
 *   - nothing in the history (no usable 2xx arrived),
 *   - and the next request, with the same history, succeeding: the extension keeps working.
 * Failures after the request was written also say a session may exist and to check first.
 *
 * The client-level mapping of each fault (codes, statuses, Retry-After as a date, a declared
 * Content-Length over the cap, proxies) is covered in http-client.test.ts and http-errors.test.ts.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { type Emulator, startEmulator } from '../../src/emulator/server';
import { HistoryStore } from '../../src/history/store';
import type { FailureCause, IdenfyFailure } from '../../src/http/errors';
import type { SendOutcome, Target } from '../../src/session/send';
import {
  assertOneSentence,
  emulatorTarget,
  failureOf,
  MapStorage,
  makeSelfSignedCert,
  secretForms,
  sendThrough,
  watchConnections,
} from '../support/reliability';

const BODY = '{"clientId":"reliability-1","firstName":"John","lastName":"Smith"}';
const CHECK_FIRST =
  /so a session (may have been|was probably) created.*check the iDenfy dashboard before sending again\.$/;

let emu: Emulator;
let storage: MapStorage;
let history: HistoryStore;
let faultsSurvived = 0;

beforeEach(async () => {
  emu = await startEmulator();
  storage = new MapStorage();
  history = new HistoryStore(storage);
});
afterEach(async () => {
  emu.setFault(undefined);
  await emu.close();
});
after(() => {
  console.log(`reliability: network faults survived ${faultsSurvived}`);
});

interface Expected {
  cause: FailureCause;
  outcomeUnknown: boolean;
  /** POSTs the faulty server must have seen: 1, or 0 when the connection or TLS never got that far. */
  posts: number;
  /** The server that counts them (the default emulator unless given); null when none could. */
  server?: { readonly requests: number } | null;
}

/**
 * The checks every fault must pass, then the proof that the extension keeps working: the same
 * history, the next request to a healthy emulator succeeds and is the only new POST.
 */
async function assertSurvived(
  run: { outcome: SendOutcome; log: string[] },
  target: Target,
  expected: Expected,
  healthy: Emulator = emu,
): Promise<IdenfyFailure> {
  const failure = failureOf(run.outcome);
  assert.equal(failure.cause, expected.cause, failure.message);
  assert.equal(failure.outcomeUnknown, expected.outcomeUnknown, failure.message);
  assertOneSentence(failure.message, target);
  if (expected.outcomeUnknown) assert.match(failure.message, CHECK_FIRST);
  else assert.doesNotMatch(failure.message, /may have been created|probably created/);

  assert.equal(run.log.length, 1, 'one log line per request');
  for (const form of secretForms(target)) assert.ok(!run.log[0]?.includes(form), 'the secret is in the log');

  // A late automatic retry would show up here or in the count after the next request.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const server = expected.server === undefined ? emu : expected.server;
  if (server) assert.equal(server.requests, expected.posts, 'POSTs that reached the server during the fault');
  assert.equal(history.list().length, 0, 'nothing is recorded without a usable 2xx');
  assert.equal(storage.writes.length, 0, 'the history storage was written');

  healthy.setFault(undefined);
  const before = healthy.requests;
  const next = await sendThrough(emulatorTarget(healthy), history, BODY);
  assert.equal(next.outcome.ok, true, `the next request failed: ${JSON.stringify(next.outcome)}`);
  assert.equal(
    healthy.requests,
    before + 1,
    'the next request was sent once, and no retry of the failed one came',
  );
  assert.equal(history.list().length, 1, 'the next session is in the history');
  if (server && server !== healthy) assert.equal(server.requests, expected.posts, 'a retry arrived later');
  faultsSurvived++;
  return failure;
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** A TCP server that counts connections and destroys each one at once (a reset before any byte). */
async function resettingServer(): Promise<{ server: Server; port: number; connections: () => number }> {
  let connections = 0;
  const server = createNetServer((socket: Socket) => {
    connections++;
    socket.destroy();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port, connections: () => connections };
}

describe('network faults: one message, one POST, nothing in history, and the next request works', {
  timeout: 60_000,
}, () => {
  test('connection refused', async () => {
    const port = await freePort();
    const target: Target = { ...emulatorTarget(emu), baseUrl: `http://127.0.0.1:${port}` };
    const watch = watchConnections();
    let run: Awaited<ReturnType<typeof sendThrough>>;
    try {
      run = await sendThrough(target, history, BODY);
    } finally {
      watch.restore();
    }
    // Nothing to count on the server side: count the attempts instead. One, never reconnected.
    assert.deepEqual(watch.calls, [`net 127.0.0.1:${port}`]);
    // The user starts the emulator (on the port the settings name) and sends again.
    const later = await startEmulator({ port, apiKey: emu.apiKey, apiSecret: emu.apiSecret });
    try {
      const f = await assertSurvived(
        run,
        target,
        { cause: 'connectionRefused', outcomeUnknown: false, posts: 0, server: later },
        later,
      );
      assert.equal(f.action, 'openSettings');
      assert.equal(later.requests, 1, 'only the new request arrived: the refused one was not retried');
    } finally {
      await later.close();
    }
  });

  test('connection reset before the request was sent (during the TLS handshake)', async () => {
    const reset = await resettingServer();
    try {
      const target: Target = { ...emulatorTarget(emu), baseUrl: `https://127.0.0.1:${reset.port}` };
      const run = await sendThrough(target, history, BODY);
      const f = await assertSurvived(run, target, {
        cause: 'connectionReset',
        outcomeUnknown: false,
        posts: 0,
        server: null, // TLS never completed, so no HTTP request could arrive; connections are counted below
      });
      assert.match(f.message, /before the request was sent, so no session was created/);
      assert.equal(reset.connections(), 1, 'one connection attempt: no reconnect, no retry');
    } finally {
      reset.server.close();
    }
  });

  test('connection reset after the request was sent', async () => {
    emu.setFault({ kind: 'resetBeforeBody' });
    const target = emulatorTarget(emu);
    const f = await assertSurvived(await sendThrough(target, history, BODY), target, {
      cause: 'connectionReset',
      outcomeUnknown: true,
      posts: 1,
    });
    assert.match(f.message, /^The connection was lost after the request was sent/);
  });

  test('connection reset in the middle of a 201 body', async () => {
    emu.setFault({ kind: 'resetMidResponse' });
    const target = emulatorTarget(emu);
    const f = await assertSurvived(await sendThrough(target, history, BODY), target, {
      cause: 'connectionReset',
      outcomeUnknown: true,
      posts: 1,
    });
    assert.equal(f.status, 201);
  });

  test('no answer until the timeout', async () => {
    emu.setFault({ kind: 'noAnswer' });
    const target = emulatorTarget(emu);
    const started = performance.now();
    const run = await sendThrough(target, history, BODY, { timeoutMs: 300 });
    const ms = performance.now() - started;
    assert.ok(ms >= 250 && ms < 3_000, `gave up after ${ms.toFixed(0)} ms`);
    const f = await assertSurvived(run, target, { cause: 'timeout', outcomeUnknown: true, posts: 1 });
    assert.match(f.message, /did not answer within 300 ms/);
  });

  test('headers, then a stalled body', async () => {
    emu.setFault({ kind: 'stallBody' });
    const target = emulatorTarget(emu);
    const run = await sendThrough(target, history, BODY, { timeoutMs: 300 });
    const f = await assertSurvived(run, target, { cause: 'timeout', outcomeUnknown: true, posts: 1 });
    assert.equal(f.status, 201);
  });

  test('500 with an HTML page', async () => {
    emu.setFault({ kind: 'html500' });
    const target = emulatorTarget(emu);
    const f = await assertSurvived(await sendThrough(target, history, BODY), target, {
      cause: 'serverError',
      outcomeUnknown: false,
      posts: 1,
    });
    assert.doesNotMatch(f.message, /<html|<h1/i, 'the HTML page is not pasted into the message');
  });

  test('200 with a body that is not JSON', async () => {
    emu.setFault({ kind: 'nonJson200' });
    const target = emulatorTarget(emu);
    await assertSurvived(await sendThrough(target, history, BODY), target, {
      cause: 'invalidSuccessBody',
      outcomeUnknown: true,
      posts: 1,
    });
  });

  test('201 with a body missing authToken', async () => {
    emu.setFault({ kind: 'missingAuthToken201' });
    const target = emulatorTarget(emu);
    const f = await assertSurvived(await sendThrough(target, history, BODY), target, {
      cause: 'invalidSuccessBody',
      outcomeUnknown: true,
      posts: 1,
    });
    assert.match(f.message, /no authToken or scanRef/);
  });

  test('429 with Retry-After', async () => {
    emu.setFault({ kind: 'tooManyRequests', retryAfter: 30 });
    const target = emulatorTarget(emu);
    const f = await assertSurvived(await sendThrough(target, history, BODY), target, {
      cause: 'rateLimited',
      outcomeUnknown: false,
      posts: 1,
    });
    assert.equal(f.retryAfterSeconds, 30);
    assert.match(f.message, /wait 30 seconds before sending again/);
  });

  test('a 50 MB response body', async () => {
    const size = 50 * 1024 * 1024;
    emu.setFault({ kind: 'oversized', bytes: size });
    const done = once(emu.events, 'oversizedDone');
    const target = emulatorTarget(emu);
    const memBefore = process.memoryUsage();
    const run = await sendThrough(target, history, BODY);
    const memAfter = process.memoryUsage();
    const [{ bytesSent, completed }] = (await done) as [{ bytesSent: number; completed: boolean }];
    // The client hung up at the cap: the server could not finish, and sent a fraction of 50 MB.
    assert.equal(completed, false, 'the whole 50 MB was transferred');
    assert.ok(bytesSent < 20 * 1024 * 1024, `the server sent ${bytesSent} bytes before the client hung up`);
    const grew = memAfter.heapUsed + memAfter.arrayBuffers - (memBefore.heapUsed + memBefore.arrayBuffers);
    assert.ok(grew < 30 * 1024 * 1024, `memory grew by ${grew} bytes`);
    console.log(
      `reliability: 50 MB body refused after the server sent ${(bytesSent / 1048576).toFixed(1)} MiB; memory grew ${(grew / 1048576).toFixed(1)} MiB`,
    );
    const f = await assertSurvived(run, target, {
      cause: 'responseTooLarge',
      outcomeUnknown: true,
      posts: 1,
    });
    assert.match(f.message, /larger than 1 MiB and was not read/);
  });

  const tls = makeSelfSignedCert();
  test('a TLS failure (self-signed certificate)', {
    skip: tls ? false : 'openssl not available',
  }, async () => {
    if (!tls) return;
    const tlsEmu = await startEmulator({ tls, apiKey: emu.apiKey, apiSecret: emu.apiSecret });
    try {
      const target = emulatorTarget(tlsEmu);
      const watch = watchConnections();
      let run: Awaited<ReturnType<typeof sendThrough>>;
      try {
        run = await sendThrough(target, history, BODY);
      } finally {
        watch.restore();
      }
      assert.equal(watch.calls.length, 1, `one TLS connection attempt, no retry: ${watch.calls}`);
      const f = await assertSurvived(run, target, {
        cause: 'tlsCertificate',
        outcomeUnknown: false,
        posts: 0,
        server: tlsEmu,
      });
      assert.match(f.message, /DEPTH_ZERO_SELF_SIGNED_CERT/);
      assert.equal(tlsEmu.requests, 0, 'no POST got through');
    } finally {
      await tlsEmu.close();
    }
  });

  test('cancelled by the user mid-request', async () => {
    emu.setFault({ kind: 'noAnswer' });
    const target = emulatorTarget(emu);
    const controller = new AbortController();
    const arrived = once(emu.events, 'request');
    const pending = sendThrough(target, history, BODY, { signal: controller.signal, timeoutMs: 10_000 });
    const [req] = (await arrived) as [IncomingMessage];
    // Not events.once: it would reject on the socket's ECONNRESET, which is how the close arrives.
    const closed = new Promise((resolve) => req.socket.once('close', resolve));
    const t0 = performance.now();
    controller.abort();
    await closed;
    const ms = performance.now() - t0;
    console.log(`reliability: server-side socket closed ${ms.toFixed(1)} ms after Cancel`);
    assert.ok(ms < 100, `the server saw the socket close after ${ms.toFixed(1)} ms`);
    const run = await pending;
    const f = await assertSurvived(run, target, { cause: 'cancelled', outcomeUnknown: true, posts: 1 });
    assert.match(f.message, /^Cancelled after the request was sent/);
  });
});
