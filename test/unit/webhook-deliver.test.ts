/**
 * deliverWebhook against real receivers on 127.0.0.1, one per way a webhook handler can answer or
 * fail: 2xx (the receiver verifies the signature), 4xx, 5xx, an answer slower than the deadline, an
 * answer that trickles forever, an endless answer, a reset connection, a receiver that never reads
 * the body, a refused port, a redirect (not followed). Each call is bounded, never throws, leaves
 * no socket open, and no field of any record holds the signing key (canary).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { after, describe, it } from 'node:test';
import { deliverWebhook } from '../../src/webhooks/deliver';
import type { WebhookDelivery } from '../../src/webhooks/delivery';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../../src/webhooks/signature';
import { checkWebhookTarget } from '../../src/webhooks/target-url';

/** The canary: must never come back in any field of any record. */
const KEY = 'canary-signing-KEY-7f3a9c"/&?=+ü';
const BODY = Buffer.from(JSON.stringify({ final: true, status: { overall: 'APPROVED' }, scanRef: 'ref-1' }));
const SHA = createHash('sha256').update(BODY).digest('hex');
const records: WebhookDelivery[] = [];
const closers: (() => Promise<void>)[] = [];

after(async () => {
  for (const close of closers) await close();
});

async function deliver(url: string, extra: { timeoutMs?: number; body?: Uint8Array } = {}) {
  const record = await deliverWebhook({
    url,
    body: extra.body ?? BODY,
    signingKey: KEY,
    eventType: 'IDENTIFICATION_AUTO_FINISHED',
    source: 'editor',
    timeoutMs: extra.timeoutMs,
    now: () => Date.UTC(2026, 0, 2, 3, 4, 5),
  });
  records.push(record);
  return record;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** An HTTP receiver on a free loopback port; every socket is destroyed when the file ends. */
async function receiver(
  handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<{ url: string; server: Server }> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    req.on('error', () => {});
    res.on('error', () => {});
    void handle(req, res);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(async () => {
    for (const s of sockets) s.destroy();
    server.close();
    await once(server, 'close').catch(() => {});
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, server };
}

function assertNoKey(record: WebhookDelivery) {
  assert.ok(!JSON.stringify(record).includes('canary-signing'), JSON.stringify(record));
}

describe('deliverWebhook to loopback receivers', { timeout: 30_000 }, () => {
  it('2xx: the receiver gets the exact bytes, both headers and a signature it verifies', async () => {
    let seen: { body: Buffer; verified: boolean; type?: string; event?: string | string[] } | undefined;
    const r = await receiver(async (req, res) => {
      const body = await readAll(req);
      seen = {
        body,
        verified: verifyWebhookSignature(body, req.headers[SIGNATURE_HEADER.toLowerCase()], KEY),
        type: req.headers['content-type'],
        event: req.headers['idenfy-event-type'],
      };
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok, thanks');
    });
    const record = await deliver(r.url);
    assert.ok(seen?.verified, 'the receiver verified the signature');
    assert.deepEqual(seen.body, BODY);
    assert.equal(seen.type, 'application/json');
    assert.equal(seen.event, 'IDENTIFICATION_AUTO_FINISHED');
    assert.deepEqual(
      { ...record, durationMs: 0 },
      {
        at: '2026-01-02T03:04:05.000Z',
        event: 'IDENTIFICATION_AUTO_FINISHED',
        url: r.url,
        status: 200,
        durationMs: 0,
        payloadSha256: SHA,
        answerHead: 'ok, thanks',
        final: true,
        source: 'editor',
      },
    );
  });

  it('4xx: the status, what iDenfy would do, and the start of the answer', async () => {
    const r = await receiver(async (req, res) => {
      await readAll(req);
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad signature"}');
    });
    const record = await deliver(r.url);
    assert.equal(record.status, 401);
    assert.match(
      record.error ?? '',
      /HTTP 401: not a 2xx answer, so iDenfy would count the webhook as failed/,
    );
    assert.equal(record.answerHead, '{"error":"bad signature"}');
  });

  it('5xx: a long answer is shown by its first 5 lines only', async () => {
    const r = await receiver(async (req, res) => {
      await readAll(req);
      const lines = Array.from({ length: 12 }, (_, i) => `Traceback line ${i + 1}`);
      res.writeHead(500).end(lines.join('\r\n'));
    });
    const record = await deliver(r.url);
    assert.equal(record.status, 500);
    assert.match(record.error ?? '', /HTTP 500/);
    assert.equal(record.answerHead, `${[1, 2, 3, 4, 5].map((i) => `Traceback line ${i}`).join('\n')}…`);
  });

  it('an answer slower than the deadline: no status, said in words, within the deadline', async () => {
    const r = await receiver(async (req) => {
      await readAll(req); // and never answers
    });
    const record = await deliver(r.url, { timeoutMs: 300 });
    assert.equal(record.status, null);
    assert.match(record.error ?? '', /^No answer within 0\.3 s: iDenfy gives up after 10 s/);
    assert.ok(record.durationMs >= 290 && record.durationMs < 3000, String(record.durationMs));
  });

  it('an answer that trickles forever: the status, and the deadline ends it', async () => {
    const r = await receiver(async (req, res) => {
      await readAll(req);
      res.writeHead(200);
      res.write('still ');
      const t = setInterval(() => res.write('working '), 20);
      res.on('close', () => clearInterval(t));
    });
    const record = await deliver(r.url, { timeoutMs: 300 });
    assert.equal(record.status, 200);
    assert.match(record.error ?? '', /did not finish within 0\.3 s/);
    assert.ok(record.durationMs < 3000, String(record.durationMs));
  });

  it('an endless answer: only its start is read, no waiting for the end', async () => {
    let closed: Promise<unknown> | undefined;
    const r = await receiver(async (req, res) => {
      await readAll(req);
      res.writeHead(200);
      closed = once(res, 'close');
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const more = () => {
        while (!res.destroyed && res.write(chunk)) {}
      };
      res.on('drain', more);
      more();
    });
    const record = await deliver(r.url, { timeoutMs: 5000 });
    assert.equal(record.status, 200);
    assert.equal(record.error, undefined);
    assert.equal(record.answerHead, `${'x'.repeat(500)}…`);
    assert.ok(record.durationMs < 4000, String(record.durationMs));
    await closed; // the receiver saw the connection end
  });

  it('a connection reset: no status, said in words', async () => {
    const r = await receiver(async (req) => {
      await readAll(req);
      req.socket.resetAndDestroy();
    });
    const record = await deliver(r.url);
    assert.equal(record.status, null);
    assert.match(
      record.error ?? '',
      /closed the connection without a complete answer \((ECONNRESET|UND_ERR_SOCKET)\)/,
    );
  });

  it('a receiver that never reads the body: bounded, and no socket is left open', async () => {
    let serverSide: Socket | undefined;
    const server = createNetServer((socket) => {
      serverSide = socket;
      socket.pause(); // never reads: the kernel buffers fill and the client's write blocks
      socket.on('error', () => {});
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const big = Buffer.alloc(8 * 1024 * 1024, ' ');
      const record = await deliver(url, { timeoutMs: 400, body: big });
      assert.equal(record.status, null);
      assert.match(record.error ?? '', /No answer within 0\.4 s/);
      assert.ok(record.durationMs < 3000, String(record.durationMs));
      assert.ok(serverSide, 'the receiver was reached');
      if (!serverSide.destroyed) {
        serverSide.resume(); // reading now shows the client's end of the connection
        await once(serverSide, 'close');
      }
    } finally {
      server.close();
      await once(server, 'close');
    }
    const sockets = process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap');
    // Only the other tests' receivers' keep-alive-free sockets could remain; the deliveries' own are closed.
    assert.equal(sockets.length, 0, process.getActiveResourcesInfo().join(', '));
  });

  it('a refused port: no status, said in words', async () => {
    const probe = createNetServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as AddressInfo;
    probe.close();
    await once(probe, 'close');
    const record = await deliver(`http://127.0.0.1:${port}/hook`);
    assert.equal(record.status, null);
    assert.equal(
      record.error,
      `Connection refused at 127.0.0.1:${port}: is your webhook handler running on that port?`,
    );
  });

  it('a redirect is not followed', async () => {
    let followed = 0;
    const elsewhere = await receiver((_req, res) => {
      followed++;
      res.writeHead(200).end();
    });
    const r = await receiver(async (req, res) => {
      await readAll(req);
      res.writeHead(307, { location: elsewhere.url }).end();
    });
    const record = await deliver(r.url);
    assert.equal(record.status, 307);
    assert.equal(followed, 0);
    assert.match(record.error ?? '', new RegExp(`redirect to ${elsewhere.url}, not followed`));
  });

  it('refuses plain http beyond loopback before any socket', async () => {
    const record = await deliver('http://example.com/hook');
    assert.equal(record.status, null);
    assert.match(record.error ?? '', /plain http, which would send personal data unencrypted/);
    assert.ok(record.durationMs < 50);
  });

  it('canary: a receiver that echoes the key (answer, redirect, URL) never gets it into the record', async () => {
    const r = await receiver(async (req, res) => {
      await readAll(req);
      res
        .writeHead(302, { location: `http://127.0.0.1/?k=${encodeURIComponent(KEY)}` })
        .end(`your key is ${KEY} or ${JSON.stringify(KEY)}`);
    });
    const record = await deliver(`${r.url}?key=${encodeURIComponent(KEY)}`);
    assert.equal(record.status, 302);
    assert.match(record.answerHead ?? '', /your key is \[redacted\] or "\[redacted\]"/);
    assert.match(record.url, /\?key=\[redacted\]$/);
    assertNoKey(record);
  });

  it('canary: no record of this file holds the signing key', () => {
    assert.ok(records.length >= 12, String(records.length));
    for (const record of records) assertNoKey(record);
  });
});

describe('webhook target URLs', () => {
  const refused = (url: string) => {
    const check = checkWebhookTarget(url);
    assert.equal(check.ok, false, url);
    return check.ok ? '' : check.message;
  };
  it('https anywhere, plain http only on loopback', () => {
    for (const url of [
      'https://hooks.example.com/idenfy',
      'http://127.0.0.1:3000/hook',
      'http://127.1.2.3/hook',
      'http://localhost:8080/',
      'http://[::1]:5000/x',
      '  https://example.com  ',
    ])
      assert.ok(checkWebhookTarget(url).ok, url);
    assert.match(
      refused('http://192.168.1.10/hook'),
      /plain http, which would send personal data unencrypted/,
    );
    assert.match(refused('http://127.0.0.1.example.com/'), /plain http/);
    assert.match(refused('ftp://127.0.0.1/'), /must start with https:\/\/ .* \(got ftp:\)/);
    assert.match(refused('not a url'), /"not a url" is not a valid URL/);
    assert.match(refused(''), /No webhook URL was given/);
    const userinfo = refused('https://user:hunter2@example.com/');
    assert.match(userinfo, /must not contain a user name or password/);
    assert.ok(!userinfo.includes('hunter2'));
  });
});
