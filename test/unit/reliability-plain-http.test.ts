/**
 * Reliability, plain HTTP: the basic-auth header carries the API secret, so a non-loopback
 * http:// base URL is refused before any socket opens. "No socket" is proven two ways: net.connect
 * and tls.connect (what undici calls to open a connection) are wrapped to record every call, and a
 * caller-supplied dispatcher records every dispatch and connection attempt. A positive control
 * shows the wrappers do see undici's connections.
 *
 * checkBaseUrl's full accept/refuse table is in http-client.test.ts.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { Agent, type Dispatcher } from 'undici';
import { type Emulator, startEmulator } from '../../src/emulator/server';
import { HistoryStore } from '../../src/history/store';
import { checkBaseUrl } from '../../src/http/base-url';
import type { Target } from '../../src/session/send';
import {
  assertOneSentence,
  emulatorTarget,
  failureOf,
  MapStorage,
  sendThrough,
  watchConnections,
} from '../support/reliability';

const BODY = '{"clientId":"plain-http"}';
const SECRET_TARGET = { apiKey: 'key-plain-http', apiSecret: 'secret-must-never-travel-in-clear' };

/** A dispatcher that records dispatches and connection attempts, and refuses to connect. */
function recordingDispatcher(): { dispatcher: Dispatcher; dispatches: string[]; connects: string[] } {
  const dispatches: string[] = [];
  const connects: string[] = [];
  const agent = new Agent({
    connect: (opts, callback) => {
      connects.push(`${opts.protocol}//${opts.hostname}:${opts.port}`);
      callback(new Error('connection attempt blocked by the test'), null);
    },
  });
  const dispatcher = new Proxy(agent, {
    get: (target, key) =>
      key === 'dispatch'
        ? (opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) => {
            dispatches.push(`${opts.method} ${String(opts.origin)}${opts.path}`);
            return target.dispatch(opts, handler);
          }
        : Reflect.get(target, key),
  });
  return { dispatcher, dispatches, connects };
}

const NON_LOOPBACK_HTTP = [
  'http://ivs.idenfy.com',
  'http://example.com',
  'http://10.0.0.1',
  'http://192.168.1.20:8080/api',
  'http://0.0.0.0:3000',
  'http://localhost.example.com',
  'http://127.0.0.1.nip.io',
  'http://[::2]',
  'http://[::ffff:7f00:1]', // IPv4-mapped loopback: refused, the rule stays simple
];

let storage: MapStorage;
let history: HistoryStore;
beforeEach(() => {
  storage = new MapStorage();
  history = new HistoryStore(storage);
});

describe('a non-loopback http:// base URL is refused before any socket opens', { timeout: 30_000 }, () => {
  test('http://example.com through sendRequest: refused, and no net.connect or tls.connect call', async () => {
    const target: Target = { kind: 'idenfy', baseUrl: 'http://example.com', ...SECRET_TARGET };
    const watch = watchConnections();
    let run: Awaited<ReturnType<typeof sendThrough>>;
    try {
      // No dispatcher: the client's own Agent, exactly as for a real iDenfy target without a proxy.
      run = await sendThrough(target, history, BODY);
    } finally {
      watch.restore();
    }
    assert.deepEqual(watch.calls, [], 'a connection was attempted');
    const f = failureOf(run.outcome);
    assert.deepEqual([f.cause, f.action, f.outcomeUnknown], ['baseUrlRefused', 'openSettings', false]);
    assertOneSentence(f.message, target);
    assert.match(f.message, /plain http, which would send the API secret unencrypted/);
    assert.equal(history.list().length, 0);
    assert.ok(!run.log.join('\n').includes(SECRET_TARGET.apiSecret));
  });

  for (const baseUrl of NON_LOOPBACK_HTTP) {
    test(`${baseUrl}: no dispatch, no connection attempt`, async () => {
      const target: Target = { kind: 'idenfy', baseUrl, ...SECRET_TARGET };
      const recording = recordingDispatcher();
      const watch = watchConnections();
      try {
        const run = await sendThrough(target, history, BODY, { dispatcher: recording.dispatcher });
        assert.equal(failureOf(run.outcome).cause, 'baseUrlRefused');
      } finally {
        watch.restore();
        await recording.dispatcher.close();
      }
      assert.deepEqual(recording.dispatches, [], 'the request was dispatched');
      assert.deepEqual(recording.connects, [], 'a connection was attempted');
      assert.deepEqual(watch.calls, [], 'a socket was opened');
    });
  }

  test('control: the same watchers do see a connection to a loopback emulator', async () => {
    const emu = await startEmulator();
    const recording = recordingDispatcher();
    const watch = watchConnections();
    try {
      const run = await sendThrough(emulatorTarget(emu), history, BODY);
      assert.equal(run.outcome.ok, true, JSON.stringify(run.outcome));
      // And through the recording dispatcher, the attempt is recorded (then blocked by it).
      const blocked = await sendThrough(emulatorTarget(emu), history, BODY, {
        dispatcher: recording.dispatcher,
      });
      assert.equal(blocked.outcome.ok, false);
    } finally {
      watch.restore();
      await recording.dispatcher.close();
      await emu.close();
    }
    assert.ok(
      watch.calls.some((c) => c.startsWith('net')),
      'net.connect was not seen: the watcher proves nothing',
    );
    assert.equal(recording.dispatches.length, 1);
    assert.equal(recording.connects.length, 1);
  });
});

describe('the base URL check allows what it should', () => {
  let emu: Emulator | undefined;
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
  });

  for (const url of [
    'https://ivs.idenfy.com',
    'https://example.com',
    'https://10.0.0.1:8443/idenfy-gateway',
    'https://[2001:db8::1]',
  ]) {
    test(`https non-loopback is allowed by the check: ${url}`, () => {
      // Only the check: nothing connects to these hosts.
      const checked = checkBaseUrl(url);
      assert.equal(checked.ok, true, JSON.stringify(checked));
    });
  }

  for (const url of [
    'http://127.0.0.1',
    'http://127.0.0.1:4010',
    'http://127.1:4010',
    'http://localhost',
    'http://localhost:3000/',
    'HTTP://LOCALHOST:3000',
    'http://[::1]',
    'http://[::1]:9000',
  ]) {
    test(`http loopback is allowed: ${url}`, () => {
      const checked = checkBaseUrl(url);
      assert.equal(checked.ok, true, JSON.stringify(checked));
    });
  }

  test('http://127.0.0.1 and http://localhost reach the emulator end to end', async () => {
    emu = await startEmulator();
    const port = new URL(emu.url).port;
    const direct = await sendThrough(
      { ...emulatorTarget(emu), baseUrl: `http://127.0.0.1:${port}` },
      history,
      BODY,
    );
    assert.equal(direct.outcome.ok, true, JSON.stringify(direct.outcome));
    const named = await sendThrough(
      { ...emulatorTarget(emu), baseUrl: `http://localhost:${port}` },
      history,
      BODY,
    );
    // localhost may resolve to ::1 first, where the emulator (IPv4 only) is not listening; either
    // way the check let it through.
    if (!named.outcome.ok) {
      assert.notEqual(named.outcome.failure.cause, 'baseUrlRefused', named.outcome.failure.message);
    }
  });
});
