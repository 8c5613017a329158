/**
 * Shared pieces of the reliability tests (test/unit/reliability-*.test.ts): a Map-backed history
 * storage (map-history-storage.ts), the "Create Session" path without its UI (prepare, then send), a recorder of the bytes
 * the emulator received, and the checks every failure must pass.
 */
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import type { Emulator } from '../../src/emulator/server';
import type { HistoryStore } from '../../src/history/store';
import { basicAuthValue } from '../../src/http/redact';
import { type Prepared, prepareRequest } from '../../src/session/prepare';
import { type SendOptions, type SendOutcome, sendRequest, type Target } from '../../src/session/send';

export { MapStorage } from './map-history-storage';

export function emulatorTarget(emu: Emulator): Target {
  return { kind: 'emulator', baseUrl: emu.url, apiKey: emu.apiKey, apiSecret: emu.apiSecret };
}

export interface SendThrough {
  outcome: SendOutcome;
  log: string[];
}

/** sendRequest with the options the command passes, the log captured. */
export async function sendThrough(
  target: Target,
  history: HistoryStore,
  body: string,
  overrides: Partial<SendOptions> = {},
): Promise<SendThrough> {
  const log: string[] = [];
  const outcome = await sendRequest({
    body,
    target,
    history,
    timeoutMs: 5_000,
    log: (line) => log.push(line),
    ...overrides,
  });
  return { outcome, log };
}

export type Submitted =
  | { stage: 'prepare'; prepared: Extract<Prepared, { ok: false }> }
  | { stage: 'send'; body: string; outcome: SendOutcome; log: string[] };

/**
 * The command's path without its UI (src/editor/create-session.ts): one snapshot of the text is
 * prepared, and only a prepared body is ever sent.
 */
export async function submitText(
  text: string,
  target: Target,
  history: HistoryStore,
  overrides: Partial<SendOptions> = {},
): Promise<Submitted> {
  const prepared = prepareRequest(text);
  if (!prepared.ok) return { stage: 'prepare', prepared };
  const { outcome, log } = await sendThrough(target, history, prepared.body, overrides);
  return { stage: 'send', body: prepared.body, outcome, log };
}

/**
 * Every body that reached the emulator's token endpoint, as raw bytes, in arrival order. Use it with
 * no fault set (or one that reads the body at once): the recorder's 'data' listener starts the
 * stream flowing, so a fault that waits before reading (e.g. 'delay') would miss the body.
 */
export function recordBodies(emu: Emulator): { bodies: Buffer[]; done: () => Promise<void> } {
  const bodies: Buffer[] = [];
  const pending: Promise<void>[] = [];
  emu.events.on('request', (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    const slot = bodies.length;
    bodies.push(Buffer.alloc(0));
    // A second 'data' listener sees the same chunks the emulator reads; it does not steal them.
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    pending.push(
      new Promise((resolve) => {
        const finish = () => {
          bodies[slot] = Buffer.concat(chunks);
          resolve();
        };
        req.once('end', finish);
        req.once('close', finish);
      }),
    );
  });
  return { bodies, done: async () => void (await Promise.all(pending)) };
}

/** Strings that would give the secret away: the secret itself and the basic-auth token. */
export function secretForms(target: Target): string[] {
  return [target.apiSecret, basicAuthValue(target.apiKey, target.apiSecret).slice('Basic '.length)];
}

/**
 * One clear message: non-empty, a single line, a single sentence ending with a full stop, and
 * free of the secret.
 */
export function assertOneSentence(message: string, target?: Target): void {
  assert.ok(message.trim().length > 0, 'the message is empty');
  assert.ok(!/[\r\n]/.test(message), `the message spans lines: ${message}`);
  assert.match(message, /\.$/, `the message does not end a sentence: ${message}`);
  assert.ok(!/[.!?]\s+[A-Z]/.test(message.slice(0, -1)), `more than one sentence: ${message}`);
  for (const form of target ? secretForms(target) : []) {
    assert.ok(!message.includes(form), 'the secret is in the message');
  }
}

/** The failure of an outcome, after checking it is one. */
export function failureOf(outcome: SendOutcome): Extract<SendOutcome, { ok: false }>['failure'] {
  assert.equal(outcome.ok, false, `expected a failure, got ${JSON.stringify(outcome).slice(0, 500)}`);
  if (outcome.ok) throw new Error('unreachable');
  return outcome.failure;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Records every net.connect / tls.connect call in this process until restored. A call to any
 * other host is redirected to a closed loopback port, so even a broken check cannot reach the
 * network from this test.
 */
export function watchConnections(): { calls: string[]; restore: () => void } {
  const calls: string[] = [];
  const netConnect = net.connect;
  const tlsConnect = tls.connect;
  const contain = (args: unknown[]): unknown[] => {
    const [first, ...rest] = args;
    if (typeof first !== 'object' || first === null) return args;
    const opts = first as { host?: string; hostname?: string; port?: number };
    const host = opts.host ?? opts.hostname ?? '';
    return LOOPBACK.has(host)
      ? args
      : [{ ...opts, host: '127.0.0.1', hostname: '127.0.0.1', port: 1 }, ...rest];
  };
  const where = (args: unknown[]) => {
    const opts = (args[0] ?? {}) as { host?: string; port?: number };
    return `${opts.host}:${opts.port}`;
  };
  net.connect = ((...args: unknown[]) => {
    calls.push(`net ${where(args)}`);
    return (netConnect as (...a: unknown[]) => net.Socket).apply(net, contain(args));
  }) as typeof net.connect;
  tls.connect = ((...args: unknown[]) => {
    calls.push(`tls ${where(args)}`);
    return (tlsConnect as (...a: unknown[]) => tls.TLSSocket).apply(tls, contain(args));
  }) as typeof tls.connect;
  return {
    calls,
    restore: () => {
      net.connect = netConnect;
      tls.connect = tlsConnect;
    },
  };
}

export { makeSelfSignedCert } from './self-signed';
