/**
 * `npm run emulator -- [--port N] [--show-secret] [--forward-webhooks URL]` as a user runs it: a
 * child process that prints its URL and API key (the secret and the webhook signing key only on
 * request), takes its credentials from IDENFY_EMULATOR_API_KEY / IDENFY_EMULATOR_API_SECRET and its
 * signing key from IDENFY_EMULATOR_WEBHOOK_SIGNING_KEY, serves on the chosen port, forwards signed
 * webhooks with one line per call, and stops on SIGTERM.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { request } from 'undici';
import { verifyWebhookSignature } from '../../src/webhooks/signature';

const ROOT = join(__dirname, '../..');
const KEY = 'cli-test-key';
const SECRET = 'cli-test-secret-value';
const SIGNING_KEY = 'cli-test-webhook-signing-key';

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Starts `npm run emulator -- ...args` in its own process group and waits for its Endpoints line. */
async function runEmulator(args: string[]): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn('npm', ['run', '-s', 'emulator', '--', ...args], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      IDENFY_EMULATOR_API_KEY: KEY,
      IDENFY_EMULATOR_API_SECRET: SECRET,
      IDENFY_EMULATOR_WEBHOOK_SIGNING_KEY: SIGNING_KEY,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    out += d;
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: string) => {
      out += d;
      if (out.includes('Endpoints:')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before starting:\n${out}`)));
  });
  return { child, output: () => out };
}

/** Ends the process group started above (npm, its shell and tsx's node) and waits for npm to exit. */
async function stop(child: ChildProcess): Promise<number | null> {
  const exited = once(child, 'exit');
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

describe('npm run emulator', { timeout: 60_000 }, () => {
  it('--port N: prints the URL and key, hides the secret, serves with the environment credentials', async () => {
    const port = await freePort();
    const { child, output } = await runEmulator(['--port', String(port)]);
    try {
      const url = `http://127.0.0.1:${port}`;
      assert.ok(output().includes(`listening on ${url}`), output());
      assert.ok(output().includes(`API key:    ${KEY}`), output());
      assert.ok(!output().includes(SECRET), 'the secret is not printed without --show-secret');
      const res = await request(`${url}/api/v2/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ clientId: 'cli-1' }),
      });
      assert.equal(res.statusCode, 201);
      const { scanRef } = (await res.body.json()) as { scanRef: string };
      const st = await request(`${url}/api/v2/status`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ scanRef }),
      });
      assert.equal(((await st.body.json()) as { status: string }).status, 'ACTIVE');
    } finally {
      await stop(child);
    }
  });

  it('--show-secret prints the secret, the webhook signing key and a curl line', async () => {
    const { child, output } = await runEmulator(['--show-secret']);
    try {
      assert.ok(output().includes(`API secret: ${SECRET}`), output());
      assert.ok(output().includes(`Webhook signing key: ${SIGNING_KEY}`), output());
      assert.match(output(), /Try: curl -u /);
    } finally {
      await stop(child);
    }
  });

  it('--forward-webhooks: each finished session is POSTed there, signed with the environment key, one line each', async () => {
    const received: { verified: boolean; event: unknown }[] = [];
    const hook = createHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        received.push({
          verified: verifyWebhookSignature(body, req.headers['idenfy-signature'], SIGNING_KEY),
          event: req.headers['idenfy-event-type'],
        });
        res.writeHead(204).end();
      });
    });
    hook.listen(0, '127.0.0.1');
    await once(hook, 'listening');
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/idenfy/webhook`;
    const { child, output } = await runEmulator(['--forward-webhooks', hookUrl]);
    try {
      assert.ok(output().includes(`Webhooks: forwarded to ${hookUrl}`), output());
      assert.ok(output().includes('Webhook signing key: (hidden;'), output());
      const url = /listening on (\S+)/.exec(output())?.[1];
      const res = await request(`${url}/api/v2/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ clientId: 'cli-wh', dummyStatus: 'APPROVED' }),
      });
      assert.equal(res.statusCode, 201);
      const { scanRef } = (await res.body.json()) as { scanRef: string };
      // The line is printed after the receiver answered: wait for it on stdout.
      const line = new RegExp(
        `^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z webhook IDENTIFICATION_AUTO_FINISHED scanRef=${scanRef} -> ${hookUrl} 204 \\d+ ms$`,
        'm',
      );
      while (!line.test(output())) await once(child.stdout as NodeJS.ReadableStream, 'data');
      assert.deepEqual(received, [{ verified: true, event: 'IDENTIFICATION_AUTO_FINISHED' }]);
      assert.ok(!output().includes(SIGNING_KEY), 'the signing key is never printed without --show-secret');
      assert.ok(!output().includes(SECRET));
    } finally {
      await stop(child);
      hook.close();
    }
  });

  it('a --forward-webhooks URL that cannot be used exits with status 2 and says why', async () => {
    const child = spawn(
      'npm',
      ['run', '-s', 'emulator', '--', '--forward-webhooks', 'http://hooks.example.com/x'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 2);
    assert.match(out, /--forward-webhooks: The webhook URL http:\/\/hooks\.example\.com uses plain http/);
  });

  it('a bad port exits with status 2 and says why', async () => {
    const child = spawn('npm', ['run', '-s', 'emulator', '--', '--port', 'http'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 2);
    assert.match(out, /--port must be an integer/);
  });
});
