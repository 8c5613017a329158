/**
 * Every iDenfy URL comes from one helper (src/http/idenfy-urls.ts) that keeps the configured origin.
 * Before it, `new URL(prefix + '/api/v2/token', origin)` read a base path `//evil.example` as a host,
 * so http://127.0.0.1//evil.example passed the loopback check and posted in plain http to evil.example.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { checkBaseUrl } from '../../src/http/base-url';
import { IDENFY_PATHS, type IdenfyEndpoint, idenfyUrl } from '../../src/http/idenfy-urls';
import { verificationPageUrl } from '../../src/session/links';
import { sendRequest } from '../../src/session/send';

const ENDPOINTS = Object.keys(IDENFY_PATHS) as IdenfyEndpoint[];
const TRICKS = [
  '//',
  '/..',
  '/../..',
  '/.',
  '%2f',
  '%2F',
  '%2e%2e',
  '@',
  '\\',
  '\\\\',
  'evil.example',
  ':80',
  '?',
  '#',
];

/** Base URLs whose path mixes ordinary segments with everything that could be read as an authority. */
const baseUrl = fc
  .tuple(
    fc.constantFrom(
      'http://127.0.0.1:8080',
      'http://localhost',
      'https://ivs.idenfy.com',
      'https://gw.example:8443',
    ),
    fc.array(fc.oneof(fc.constantFrom(...TRICKS), fc.constantFrom('/idenfy', '/api', '/v2/', '/a%40b')), {
      maxLength: 6,
    }),
  )
  .map(([origin, parts]) => origin + parts.join(''));

describe('idenfyUrl', () => {
  it('keeps the configured origin for every generated base URL, or refuses it', () => {
    fc.assert(
      fc.property(baseUrl, fc.constantFrom(...ENDPOINTS), (raw, endpoint) => {
        const configured = checkBaseUrl(raw);
        const built = idenfyUrl(raw, endpoint, { authToken: 'tok' });
        if (!built.ok) return true;
        assert.ok(configured.ok, `${raw} was refused by checkBaseUrl but accepted here`);
        assert.equal(built.url.origin, configured.url.origin, raw);
        assert.equal(built.url.username + built.url.password, '');
        assert.ok(built.url.pathname.endsWith(IDENFY_PATHS[endpoint]), built.url.href);
        // Parsed again from text (as undici and a browser do), the origin is still the configured one.
        assert.equal(new URL(built.url.href).origin, configured.url.origin, built.url.href);
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('builds the documented endpoints under a gateway prefix', () => {
    const href = (e: IdenfyEndpoint) => {
      const r = idenfyUrl('https://gw.example/idenfy/', e);
      return r.ok ? r.url.href : r.message;
    };
    assert.equal(href('token'), 'https://gw.example/idenfy/api/v2/token');
    assert.equal(href('status'), 'https://gw.example/idenfy/api/v2/status');
    assert.equal(href('full'), 'https://gw.example/idenfy/api/v2/full');
    assert.equal(href('delete'), 'https://gw.example/idenfy/api/v2/delete');
    assert.equal(href('generatePdf'), 'https://gw.example/idenfy/api/v2/generate-pdf');
    assert.equal(href('identifications'), 'https://gw.example/idenfy/kyc/identifications/');
  });

  it('the verification page stays on the base URL origin, with the token in the query', () => {
    assert.equal(
      verificationPageUrl('http://127.0.0.1:9//evil.example', { authToken: 'a b&c' }),
      'http://127.0.0.1:9//evil.example/api/v2/redirect?authToken=a+b%26c',
    );
    assert.equal(
      verificationPageUrl('https://ivs.idenfy.com/', {
        authToken: 'T',
        redirectUrl: 'https://ui.idenfy.com/x',
      }),
      'https://ui.idenfy.com/x',
    );
    assert.throws(() => verificationPageUrl('http://evil.example', { authToken: 'T' }), /plain http/);
  });
});

describe('a request to a base URL whose path looks like a host', { timeout: 30_000 }, () => {
  let server: Server;
  let seen: { host?: string; url?: string }[];
  before(async () => {
    server = createServer((req: IncomingMessage, res) => {
      seen.push({ host: req.headers.host, url: req.url });
      req.resume();
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ authToken: 'a'.repeat(40), scanRef: 'scan-1', clientId: 'c1' }));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
  });
  after(() => {
    server.close();
  });

  for (const path of [
    '//evil.example',
    '/..//evil.example',
    '/%2f%2fevil.example',
    '\\\\evil.example',
    '/@evil.example',
  ]) {
    it(`http://127.0.0.1:<port>${path} posts to 127.0.0.1 and logs the URL it requested`, async () => {
      seen = [];
      const port = (server.address() as AddressInfo).port;
      const lines: string[] = [];
      const outcome = await sendRequest({
        body: '{"clientId":"c1"}',
        target: {
          kind: 'idenfy',
          baseUrl: `http://127.0.0.1:${port}${path}`,
          apiKey: 'k',
          apiSecret: 's3cret-value',
        },
        history: { record: async (entry) => entry },
        timeoutMs: 5_000,
        log: (line) => lines.push(line),
      });
      assert.equal(outcome.ok, true, JSON.stringify(outcome));
      assert.equal(seen.length, 1, 'exactly one request, to the configured server');
      assert.equal(seen[0]?.host, `127.0.0.1:${port}`);
      assert.ok(seen[0]?.url?.endsWith('/api/v2/token'), seen[0]?.url);
      assert.equal(lines.length, 1);
      assert.ok(
        lines[0]?.startsWith(`POST http://127.0.0.1:${port}${seen[0]?.url} -> 201 `),
        `log: ${lines[0]} / requested: ${seen[0]?.url}`,
      );
    });
  }
});
