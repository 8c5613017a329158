/**
 * `npm run emulator -- [--port N] [--show-secret]` as a user runs it: a child process that prints
 * its URL and API key (the secret only on request), takes its credentials from
 * IDENFY_EMULATOR_API_KEY / IDENFY_EMULATOR_API_SECRET, serves on the chosen port and stops on SIGTERM.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { request } from 'undici';

const ROOT = join(__dirname, '../..');
const KEY = 'cli-test-key';
const SECRET = 'cli-test-secret-value';

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
    env: { ...process.env, IDENFY_EMULATOR_API_KEY: KEY, IDENFY_EMULATOR_API_SECRET: SECRET },
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

  it('--show-secret prints the secret and a curl line', async () => {
    const { child, output } = await runEmulator(['--show-secret']);
    try {
      assert.ok(output().includes(`API secret: ${SECRET}`), output());
      assert.match(output(), /Try: curl -u /);
    } finally {
      await stop(child);
    }
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
