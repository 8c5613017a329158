/**
 * The emulator delivers signed webhooks when a session finishes: by its page, by dummyStatus, by
 * complete(), by expiry (the clock read by a request, and the timer when nobody asks); interim then
 * final for manual review; to the forward URL, else the session's callbackUrl, else nowhere. A real
 * receiver on 127.0.0.1 verifies every call with the emulator's key; the 'webhook' events carry the
 * exact bytes sent.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Agent, request } from 'undici';
import {
  type Emulator,
  type FinishedEvent,
  startEmulator,
  type WebhookEvent,
} from '../../src/emulator/server';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../../src/webhooks/signature';
import { makeSelfSignedCert } from '../support/self-signed';

interface Received {
  body: Buffer;
  event: string;
  signature: string;
  verified: boolean;
  json: Record<string, unknown> & { status: Record<string, unknown> };
  /** What `note()` said when the call arrived. */
  note?: unknown;
}

/** A webhook handler on 127.0.0.1 that verifies each call with `key()` and answers 200. */
class Receiver {
  readonly calls: Received[] = [];
  private waiters: (() => void)[] = [];
  private readonly sockets = new Set<Socket>();
  server!: Server;
  url = '';
  /** When set, the handler takes the body and never answers. */
  hang = false;
  /** Holds the next answer until another call arrives or this many ms pass (a slow handler). */
  holdNextMs = 0;
  note?: () => unknown;
  private release?: () => void;

  constructor(private readonly key: () => string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/idenfy/webhook`;
    return this;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    req.on('error', () => {});
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const signature = String(req.headers[SIGNATURE_HEADER.toLowerCase()]);
    this.calls.push({
      body,
      event: String(req.headers['idenfy-event-type']),
      signature,
      verified: verifyWebhookSignature(body, signature, this.key()),
      json: JSON.parse(body.toString('utf8')),
      note: this.note?.(),
    });
    for (const w of this.waiters.splice(0)) w();
    this.release?.();
    if (this.hang) return;
    if (this.holdNextMs > 0) {
      const ms = this.holdNextMs;
      this.holdNextMs = 0;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, ms);
        this.release = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.release = undefined;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('received');
  }

  /** Resolves once `n` calls have arrived in all. */
  async count(n: number): Promise<Received[]> {
    while (this.calls.length < n) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.calls;
  }

  async close() {
    for (const s of this.sockets) s.destroy();
    this.server.close();
  }
}

/** Collects an emulator's 'webhook' and 'finished' events, and waits for them. */
function recorder(emu: Emulator) {
  const webhooks: WebhookEvent[] = [];
  const finished: FinishedEvent[] = [];
  emu.events.on('webhook', (e) => webhooks.push(e));
  emu.events.on('finished', (e) => finished.push(e));
  return {
    webhooks,
    finished,
    async webhook(scanRef: string, nth = 1): Promise<WebhookEvent> {
      for (;;) {
        const mine = webhooks.filter((w) => w.scanRef === scanRef);
        if (mine.length >= nth) return mine[nth - 1] as WebhookEvent;
        await once(emu.events, 'webhook');
      }
    },
  };
}

const agent = new Agent();
after(() => agent.close());

async function post(emu: Emulator, path: string, body: unknown) {
  const res = await request(`${emu.url}${path}`, {
    method: 'POST',
    dispatcher: agent,
    headers: {
      authorization: `Basic ${Buffer.from(`${emu.apiKey}:${emu.apiSecret}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, json: JSON.parse(text || '{}') as Record<string, unknown> };
}

async function create(emu: Emulator, body: Record<string, unknown> = {}) {
  const reply = await post(emu, '/api/v2/token', { clientId: 'wh-client', ...body });
  assert.equal(reply.status, 201, JSON.stringify(reply.json));
  return { scanRef: String(reply.json.scanRef), authToken: String(reply.json.authToken) };
}

async function press(emu: Emulator, authToken: string, form: string) {
  const res = await request(`${emu.url}/api/v2/redirect?authToken=${authToken}`, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  await res.body.dump();
  return res.statusCode;
}

/** One received call, checked against the emulator's record of it: same bytes, signed, answered 200. */
function assertDelivered(
  got: Received,
  event: WebhookEvent,
  expected: { type: string; final: boolean; overall: string },
) {
  assert.ok(got.verified, 'the receiver verified the signature with the emulator key');
  assert.equal(got.event, expected.type);
  assert.deepEqual(got.body, event.body, 'the event carries the exact bytes sent');
  assert.equal(got.json.final, expected.final);
  assert.equal(got.json.status.overall, expected.overall);
  assert.equal(got.json.scanRef, event.scanRef);
  assert.equal(event.delivery.status, 200);
  assert.equal(event.delivery.event, expected.type);
  assert.equal(event.delivery.final, expected.final);
  assert.equal(event.delivery.source, 'emulator');
  assert.equal(event.delivery.answerHead, 'received');
  assert.equal(event.delivery.error, undefined);
}

const KEY = 'emulator-canary-signing-key-2b9d';

describe('the emulator delivers webhooks to a forward URL', { timeout: 60_000 }, () => {
  let emu: Emulator;
  let hook: Receiver;
  let rec: ReturnType<typeof recorder>;
  let clock = Date.UTC(2026, 0, 15, 12, 0, 0);

  before(async () => {
    hook = await new Receiver(() => KEY).start();
    emu = await startEmulator({ now: () => clock, webhookSigningKey: KEY, forwardWebhooksTo: hook.url });
    rec = recorder(emu);
  });
  after(async () => {
    await emu.close();
    await hook.close();
  });

  it('exposes the signing key it was given', () => {
    assert.equal(emu.webhookSigningKey, KEY);
  });

  it('the verification page: APPROVED sends IDENTIFICATION_AUTO_FINISHED, final', async () => {
    const s = await create(emu);
    const before = hook.calls.length;
    assert.equal(await press(emu, s.authToken, 'outcome=APPROVED'), 303);
    const event = await rec.webhook(s.scanRef);
    const got = (await hook.count(before + 1))[before] as Received;
    assertDelivered(got, event, { type: 'IDENTIFICATION_AUTO_FINISHED', final: true, overall: 'APPROVED' });
    assert.equal(event.delivery.url, hook.url);
    assert.deepEqual(rec.finished.at(-1), {
      scanRef: s.scanRef,
      clientId: 'wh-client',
      overall: 'APPROVED',
      final: true,
    });
    // The same data as /api/v2/full, with final set for the webhook.
    const full = (await post(emu, '/api/v2/full', { scanRef: s.scanRef })).json;
    assert.deepEqual({ ...got.json, fileUrls: null }, { ...full, final: true, fileUrls: null });
  });

  it('dummyStatus at creation: DENIED and EXPIRED each send their webhook', async () => {
    const denied = await create(emu, { dummyStatus: 'DENIED' });
    const d = await rec.webhook(denied.scanRef);
    const dj = JSON.parse(d.body.toString('utf8'));
    assert.equal(dj.status.overall, 'DENIED');
    assert.equal(d.delivery.event, 'IDENTIFICATION_AUTO_FINISHED');
    assert.equal(d.delivery.status, 200);
    const expired = await create(emu, { dummyStatus: 'EXPIRED' });
    const e = await rec.webhook(expired.scanRef);
    assert.equal(JSON.parse(e.body.toString('utf8')).status.overall, 'EXPIRED');
    assert.equal(e.delivery.event, 'IDENTIFICATION_EXPIRED');
    assert.equal(e.delivery.final, true);
  });

  it('complete(): SUSPECTED sends its tags', async () => {
    const s = await create(emu);
    emu.complete(s.scanRef, { kind: 'SUSPECTED', fraudTags: ['FACE_IN_BLACKLIST'] });
    const event = await rec.webhook(s.scanRef);
    const json = JSON.parse(event.body.toString('utf8'));
    assert.deepEqual(json.status.fraudTags, ['FACE_IN_BLACKLIST']);
    assert.equal(event.delivery.event, 'IDENTIFICATION_AUTO_FINISHED');
  });

  it('manual review: an interim call (final false) then the final one (MANUAL_FINISHED), in that order', async () => {
    const s = await create(emu);
    const before = hook.calls.length;
    assert.equal(await press(emu, s.authToken, 'outcome=REVIEWING'), 303);
    assert.deepEqual(rec.finished.at(-1), {
      scanRef: s.scanRef,
      clientId: 'wh-client',
      overall: 'REVIEWING',
      final: false,
    });
    // The verdict comes while the handler is still busy with the interim call: the final call
    // must wait for its answer (each call notes how many of the session's calls had ended).
    hook.holdNextMs = 300;
    hook.note = () => rec.webhooks.filter((w) => w.scanRef === s.scanRef).length;
    await hook.count(before + 1);
    emu.complete(s.scanRef, { kind: 'DENIED', face: 'FACE_MISMATCH' });
    const interim = await rec.webhook(s.scanRef, 1);
    const final = await rec.webhook(s.scanRef, 2);
    const [gotInterim, gotFinal] = (await hook.count(before + 2)).slice(before) as [Received, Received];
    hook.note = undefined;
    assert.deepEqual(
      [gotInterim.note, gotFinal.note],
      [0, 1],
      'the final call came after the interim one ended',
    );
    assertDelivered(gotInterim, interim, {
      type: 'IDENTIFICATION_AUTO_FINISHED',
      final: false,
      overall: 'SUSPECTED',
    });
    assert.equal(gotInterim.json.status.autoFace, 'FACE_UNCERTAIN');
    assertDelivered(gotFinal, final, {
      type: 'IDENTIFICATION_MANUAL_FINISHED',
      final: true,
      overall: 'DENIED',
    });
    assert.equal(gotFinal.json.status.manualFace, 'FACE_MISMATCH');
  });

  it('expiry noticed when a request reads the clock: IDENTIFICATION_EXPIRED', async () => {
    const s = await create(emu, { expiryTime: 600 });
    clock += 600_000;
    assert.equal((await post(emu, '/api/v2/status', { scanRef: s.scanRef })).json.status, 'EXPIRED');
    const event = await rec.webhook(s.scanRef);
    // The receiver records a call before answering it, so it is there once the event is.
    const got = hook.calls.find((c) => c.json.scanRef === s.scanRef);
    assert.ok(got);
    assertDelivered(got, event, { type: 'IDENTIFICATION_EXPIRED', final: true, overall: 'EXPIRED' });
    assert.deepEqual(rec.finished.at(-1), {
      scanRef: s.scanRef,
      clientId: 'wh-client',
      overall: 'EXPIRED',
      final: true,
    });
    // Noticed once only.
    await post(emu, '/api/v2/status', { scanRef: s.scanRef });
    assert.equal(rec.finished.filter((f) => f.scanRef === s.scanRef).length, 1);
  });

  it('a finished verification never sends an EXPIRED webhook later', async () => {
    const s = await create(emu, { expiryTime: 60 });
    emu.complete(s.scanRef, { kind: 'APPROVED' });
    await rec.webhook(s.scanRef);
    clock += 120_000;
    await post(emu, '/api/v2/status', { scanRef: s.scanRef });
    assert.deepEqual(
      rec.finished.filter((f) => f.scanRef === s.scanRef).map((f) => f.overall),
      ['APPROVED'],
    );
  });

  it('every call the receiver got is one the emulator recorded, with bytes that verify; the key is in no record', () => {
    assert.ok(hook.calls.length >= 8, String(hook.calls.length));
    for (const call of hook.calls) {
      const event = rec.webhooks.find((w) => w.body.equals(call.body));
      assert.ok(event, 'recorded');
      assert.ok(verifyWebhookSignature(event.body, call.signature, KEY));
      assert.ok(!JSON.stringify(event.delivery).includes(KEY));
      assert.ok(!event.body.toString('utf8').includes(KEY));
    }
  });
});

describe('expiry when nobody asks, and where webhooks go', { timeout: 60_000 }, () => {
  it('the timer notices an expiry on its own', async () => {
    const hook = await new Receiver(() => emu.webhookSigningKey).start();
    let offset = 0;
    const emu = await startEmulator({ now: () => Date.now() + offset, forwardWebhooksTo: hook.url });
    try {
      const rec = recorder(emu);
      const s = await create(emu, { expiryTime: 600 });
      // 100 ms before expiry on the emulator's clock; a request that reads no session re-arms the timer.
      offset += 600_000 - 100;
      const res = await request(`${emu.url}/nothing-here`, { dispatcher: agent });
      await res.body.dump();
      assert.equal(rec.finished.length, 0, 'not expired yet');
      const event = await rec.webhook(s.scanRef);
      assert.equal(event.delivery.event, 'IDENTIFICATION_EXPIRED');
      assert.ok((await hook.count(1))[0]?.verified);
    } finally {
      await emu.close();
      await hook.close();
    }
  });

  it('no forward URL: the session callbackUrl; neither: no call, but the finished event', async () => {
    const tls = makeSelfSignedCert();
    if (!tls) return;
    let reached = 0;
    const https = createHttpsServer(tls, (_req, res) => res.end());
    https.on('connection', () => reached++);
    https.listen(0, '127.0.0.1');
    await once(https, 'listening');
    const callbackUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}/cb`;
    const emu = await startEmulator();
    try {
      const rec = recorder(emu);
      const none = await create(emu);
      emu.complete(none.scanRef, { kind: 'APPROVED' });
      assert.deepEqual(rec.finished.at(-1)?.scanRef, none.scanRef);
      const withCallback = await create(emu, { callbackUrl });
      emu.complete(withCallback.scanRef, { kind: 'APPROVED' });
      const event = await rec.webhook(withCallback.scanRef);
      // The callbackUrl was called; its self-signed certificate is refused, as iDenfy would.
      assert.equal(event.delivery.url, callbackUrl);
      assert.equal(event.delivery.status, null);
      assert.match(event.delivery.error ?? '', /TLS certificate was not accepted/);
      assert.ok(reached >= 1);
      assert.deepEqual(
        rec.webhooks.map((w) => w.scanRef),
        [withCallback.scanRef],
        'no call for the session without a target',
      );
    } finally {
      await emu.close();
      https.close();
    }
  });

  it('a forward function is asked at each delivery; undefined falls back to the callbackUrl', async () => {
    const a = await new Receiver(() => emu.webhookSigningKey).start();
    const b = await new Receiver(() => emu.webhookSigningKey).start();
    let target: string | undefined = a.url;
    const emu = await startEmulator({ forwardWebhooksTo: () => target });
    try {
      const rec = recorder(emu);
      const first = await create(emu);
      emu.complete(first.scanRef, { kind: 'APPROVED' });
      await rec.webhook(first.scanRef);
      target = b.url;
      const second = await create(emu);
      emu.complete(second.scanRef, { kind: 'APPROVED' });
      await rec.webhook(second.scanRef);
      assert.deepEqual([(await a.count(1)).length, (await b.count(1)).length], [1, 1]);
      assert.ok(a.calls[0]?.verified && b.calls[0]?.verified);
      target = 'http://192.0.2.1/hook';
      const third = await create(emu);
      emu.complete(third.scanRef, { kind: 'APPROVED' });
      const refused = await rec.webhook(third.scanRef);
      assert.equal(refused.delivery.status, null);
      assert.match(refused.delivery.error ?? '', /plain http/);
      target = undefined;
      const fourth = await create(emu);
      emu.complete(fourth.scanRef, { kind: 'APPROVED' });
      assert.equal(rec.finished.length, 4);
      assert.equal(rec.webhooks.length, 3, 'no callbackUrl: no call');
    } finally {
      await emu.close();
      await a.close();
      await b.close();
    }
  });

  it('a fixed forward URL that cannot be used is refused at start', async () => {
    await assert.rejects(
      startEmulator({ forwardWebhooksTo: 'http://hooks.example.com/x' }),
      /Cannot forward webhooks: .*plain http/,
    );
  });

  it('the page answers at once while the receiver hangs, and close() ends the call', async () => {
    const hook = await new Receiver(() => emu.webhookSigningKey).start();
    hook.hang = true;
    const emu = await startEmulator({ forwardWebhooksTo: hook.url });
    const rec = recorder(emu);
    try {
      const s = await create(emu);
      assert.equal(await press(emu, s.authToken, 'outcome=APPROVED'), 303);
      await hook.count(1); // the call is under way and will not be answered
      assert.equal(rec.webhooks.length, 0);
    } finally {
      const started = Date.now();
      await emu.close();
      assert.ok(Date.now() - started < 2000, `close took ${Date.now() - started} ms`);
      await hook.close();
    }
    assert.equal(rec.webhooks.length, 1);
    assert.equal(rec.webhooks[0]?.delivery.status, null);
    assert.match(rec.webhooks[0]?.delivery.error ?? '', /Cancelled/);
  });

  it('generates a signing key when none is given', async () => {
    const [one, two] = await Promise.all([startEmulator(), startEmulator()]);
    try {
      assert.ok(one.webhookSigningKey.length >= 32);
      assert.notEqual(one.webhookSigningKey, two.webhookSigningKey);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
