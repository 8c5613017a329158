/**
 * The proxy decision for one request (src/http/proxy-decision.ts), as VS Code documents its settings:
 * http.proxy wins over HTTPS_PROXY/HTTP_PROXY (either case), http.noProxy replaces NO_PROXY when it
 * lists anything, and the configured iDenfy base URL is proxied whatever its host, loopback included.
 * The last case sends a real request through dispatcherFor() to show the decision is what is used.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Emulator, startEmulator } from '../../src/emulator/server';
import { createSession } from '../../src/http/client';
import { dispatcherFor } from '../../src/http/dispatcher';
import { bypassesProxy, type ProxySettings, proxyDecision } from '../../src/http/proxy-decision';
import { type ForwardProxy, startForwardProxy } from '../support/forward-proxy';

const IDENFY = new URL('https://ivs.idenfy.com/api/v2/token');
const LOOPBACK = new URL('http://127.0.0.1:8123/api/v2/token');
const strict: ProxySettings = { strictSSL: true };

describe('proxyDecision', () => {
  it('goes direct when nothing is configured', () => {
    assert.deepEqual(proxyDecision(strict, IDENFY, {}), { kind: 'direct', reason: 'noProxyConfigured' });
  });

  it('uses http.proxy, for loopback targets too', () => {
    const settings = { ...strict, proxy: ' http://proxy.corp:3128 ' };
    for (const target of [IDENFY, LOOPBACK]) {
      assert.deepEqual(proxyDecision(settings, target, {}), {
        kind: 'proxy',
        uri: 'http://proxy.corp:3128/',
        source: 'http.proxy',
      });
    }
  });

  it('http.proxy wins over the environment', () => {
    const d = proxyDecision({ ...strict, proxy: 'http://setting:1' }, IDENFY, {
      HTTPS_PROXY: 'http://env:2',
    });
    assert.equal(d.kind === 'proxy' && d.uri, 'http://setting:1/');
  });

  it('falls back to https_proxy, HTTPS_PROXY, http_proxy, HTTP_PROXY, in that order', () => {
    const all = {
      https_proxy: 'http://a:1',
      HTTPS_PROXY: 'http://b:1',
      http_proxy: 'http://c:1',
      HTTP_PROXY: 'http://d:1',
    };
    const order = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const;
    order.forEach((name, i) => {
      const env = Object.fromEntries(order.slice(i).map((n) => [n, all[n]]));
      assert.deepEqual(proxyDecision(strict, IDENFY, env), {
        kind: 'proxy',
        uri: `${all[name]}/`,
        source: `the ${name} environment variable`,
      });
    });
  });

  it('a value without a scheme is refused with a message that says how to write it', () => {
    const d = proxyDecision({ ...strict, proxy: '127.0.0.1:3128' }, IDENFY, {});
    assert.deepEqual(d, {
      kind: 'invalid',
      message:
        'The proxy in http.proxy ("127.0.0.1:3128") has no scheme, so nothing was sent: write it as http://127.0.0.1:3128 (or https:// for a proxy that speaks TLS) in Settings.',
    });
    const env = proxyDecision(strict, IDENFY, { HTTPS_PROXY: 'proxy:8080' });
    assert.equal(env.kind, 'invalid');
    assert.match(
      env.kind === 'invalid' ? env.message : '',
      /HTTPS_PROXY environment variable \("proxy:8080"\)/,
    );
  });

  it('never echoes a password written in the proxy value', () => {
    const d = proxyDecision({ ...strict, proxy: 'user:hunter2@proxy:3128' }, IDENFY, {});
    assert.equal(d.kind, 'invalid');
    assert.ok(!JSON.stringify(d).includes('hunter2'));
    const socks = proxyDecision({ ...strict, proxy: 'socks5://user:hunter2@proxy:1080' }, IDENFY, {});
    assert.equal(socks.kind, 'invalid');
    assert.ok(!JSON.stringify(socks).includes('hunter2'));
  });

  it('http.noProxy bypasses by host, host:port, domain suffix, IP, CIDR and *', () => {
    const cases: [string, URL, boolean][] = [
      ['ivs.idenfy.com', IDENFY, true],
      ['ivs.idenfy.com:443', IDENFY, true],
      ['ivs.idenfy.com:8443', IDENFY, false],
      ['.idenfy.com', IDENFY, true],
      ['idenfy.com', IDENFY, true],
      ['denfy.com', IDENFY, false],
      ['127.0.0.1', LOOPBACK, true],
      ['127.0.0.0/8', LOOPBACK, true],
      ['10.0.0.0/8', LOOPBACK, false],
      ['localhost', LOOPBACK, false],
      ['*', IDENFY, true],
    ];
    for (const [entry, target, bypass] of cases) {
      assert.equal(bypassesProxy([entry], target), bypass, `${entry} vs ${target.host}`);
      const d = proxyDecision({ ...strict, proxy: 'http://p:1', noProxy: [entry] }, target, {});
      assert.equal(d.kind, bypass ? 'direct' : 'proxy', `${entry} vs ${target.host}`);
    }
    assert.ok(bypassesProxy(['::1'], new URL('http://[::1]:9/')));
  });

  it('NO_PROXY (or no_proxy) applies when http.noProxy lists nothing, and is ignored when it does', () => {
    const env = { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'example.org, .idenfy.com' };
    assert.deepEqual(proxyDecision(strict, IDENFY, env), { kind: 'direct', reason: 'noProxyEnv' });
    assert.deepEqual(proxyDecision(strict, IDENFY, { ...env, NO_PROXY: undefined, no_proxy: 'idenfy.com' }), {
      kind: 'direct',
      reason: 'noProxyEnv',
    });
    assert.equal(proxyDecision({ ...strict, noProxy: ['other.example'] }, IDENFY, env).kind, 'proxy');
  });
});

describe('dispatcherFor sends as decided', { timeout: 30_000 }, () => {
  let emu: Emulator;
  let proxy: ForwardProxy;
  before(async () => {
    emu = await startEmulator();
    proxy = await startForwardProxy();
  });
  after(async () => {
    await proxy.close();
    await emu.close();
  });

  async function send(settings: ProxySettings, env: Record<string, string>) {
    const dispatcher = dispatcherFor(settings, `${emu.url}/api/v2/token`, env);
    try {
      return await createSession({
        baseUrl: emu.url,
        apiKey: emu.apiKey,
        apiSecret: emu.apiSecret,
        body: '{"clientId":"c1"}',
        dispatcher,
      });
    } finally {
      await dispatcher.close();
    }
  }

  it('an unusable base URL does not throw here: the client refuses it with its own message', async () => {
    const dispatcher = dispatcherFor({ ...strict, proxy: proxy.url }, 'not a url', {});
    const result = await createSession({
      baseUrl: 'not a url',
      apiKey: 'k',
      apiSecret: 's',
      body: '{}',
      dispatcher,
    });
    await dispatcher.close();
    assert.equal(result.ok, false);
    assert.equal(result.ok ? '' : result.failure.cause, 'baseUrlRefused');
  });

  it('through HTTP_PROXY from the environment; direct when NO_PROXY names the host', async () => {
    proxy.seen = [];
    assert.equal((await send(strict, { HTTP_PROXY: proxy.url })).ok, true);
    assert.equal(proxy.seen.length, 1);
    proxy.seen = [];
    assert.equal((await send(strict, { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' })).ok, true);
    assert.equal(proxy.seen.length, 0);
    assert.equal((await send({ ...strict, proxy: proxy.url, noProxy: ['127.0.0.1'] }, {})).ok, true);
    assert.equal(proxy.seen.length, 0);
    assert.equal(emu.requests, 3);
  });
});
