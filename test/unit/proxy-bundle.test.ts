/**
 * Proxy support as it ships: the production bundle (src/build/esbuild.mjs --production, the config
 * that makes dist/idenfy-core.js, built into a temporary folder so dist/ is left alone) is loaded with
 * require() and sends through a real forward proxy on 127.0.0.1. Unit tests that import `undici`
 * whole once hid that the bundle required undici's internal files and lacked what the proxy needs.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as Core from '../../src/core';
import type { HistoryEntry } from '../../src/history/entry';
import type { SendOutcome } from '../../src/session/send';
import { type ForwardProxy, startForwardProxy } from '../support/forward-proxy';
import { makeSelfSignedCert } from '../support/self-signed';

const ROOT = resolve(__dirname, '..', '..');
const BODY = JSON.stringify({ clientId: 'proxy-client', firstName: 'John', lastName: 'Smith' });

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });
}

describe('undici is used through its public entry point only', () => {
  it('no file under src/ names an undici internal path', () => {
    const offenders = sourceFiles(join(ROOT, 'src')).filter((f) =>
      readFileSync(f, 'utf8').includes('undici/lib'),
    );
    assert.deepEqual(offenders, []);
  });
});

describe('the production bundle through a real forward proxy', { timeout: 120_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'idenfy-prod-bundle-'));
  let core: typeof Core;
  let proxy: ForwardProxy;
  const lines: string[] = [];
  const recorded: HistoryEntry[] = [];

  before(async () => {
    execFileSync(process.execPath, ['src/build/esbuild.mjs', '--production', '--outdir', out], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    core = require(join(out, 'idenfy-core.js')) as typeof Core;
    proxy = await startForwardProxy();
  });
  after(async () => {
    await proxy?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('the bundle holds no require of an undici internal file, and no source map', () => {
    const bundle = readFileSync(join(out, 'idenfy-core.js'), 'utf8');
    assert.doesNotMatch(bundle, /require\(\s*["']undici\/lib/);
    assert.deepEqual(
      readdirSync(out).filter((f) => f.endsWith('.map')),
      [],
    );
  });

  async function sendThroughProxy(
    target: { url: string; apiKey: string; apiSecret: string },
    strictSSL: boolean,
  ): Promise<SendOutcome> {
    const dispatcher = core.dispatcherFor({ proxy: proxy.url, strictSSL }, target.url, {});
    try {
      return await core.sendRequest({
        body: BODY,
        target: { kind: 'idenfy', baseUrl: target.url, apiKey: target.apiKey, apiSecret: target.apiSecret },
        history: {
          record: async (entry) => {
            recorded.push(entry);
            return entry;
          },
        },
        timeoutMs: 10_000,
        dispatcher,
        log: (line) => lines.push(line),
      });
    } finally {
      await dispatcher.close();
    }
  }

  it('http:// target: the proxy gets the POST in absolute form, the target exactly one POST', async () => {
    const emu = await core.startEmulator();
    try {
      proxy.seen = [];
      const outcome = await sendThroughProxy(emu, true);
      assert.equal(outcome.ok, true, JSON.stringify(outcome));
      assert.deepEqual(proxy.seen, [{ method: 'POST', target: `${emu.url}/api/v2/token` }]);
      assert.equal(emu.requests, 1);
    } finally {
      await emu.close();
    }
  });

  const tls = makeSelfSignedCert();
  it('https:// target: the proxy gets a CONNECT tunnel, the target exactly one POST', {
    skip: tls ? false : 'openssl not available',
  }, async () => {
    const emu = await core.startEmulator({ tls });
    try {
      proxy.seen = [];
      // The emulator's certificate is self-signed: as behind a proxy that re-signs traffic.
      const outcome = await sendThroughProxy(emu, false);
      assert.equal(outcome.ok, true, JSON.stringify(outcome));
      assert.deepEqual(proxy.seen, [{ method: 'CONNECT', target: new URL(emu.url).host }]);
      assert.equal(emu.requests, 1);
    } finally {
      await emu.close();
    }
  });
});
