/**
 * The verification page's link through a port-forwarding rewrite: only the origin is resolved, the
 * page's path, query and fragment are put back on the result. The rewrite itself is checked in the
 * real code-server by the UI scenario (test/e2e/ui-create-session.mjs), which follows the opened tab.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { originOf, throughExternalOrigin } from '../../src/session/external-url';

const PAGE = 'http://127.0.0.1:41234/api/v2/redirect?authToken=Ab12Cd34';

test('originOf keeps scheme, host and port only', () => {
  assert.equal(originOf(PAGE), 'http://127.0.0.1:41234/');
  assert.equal(originOf('https://ivs.idenfy.com/api/v2/redirect?authToken=x#y'), 'https://ivs.idenfy.com/');
  assert.equal(originOf('http://[::1]:9/a'), 'http://[::1]:9/');
});

test("code-server's /proxy/<port>/ keeps the page's path and authToken", () => {
  assert.equal(
    throughExternalOrigin('http://127.0.0.1:8080/proxy/41234/', PAGE),
    'http://127.0.0.1:8080/proxy/41234/api/v2/redirect?authToken=Ab12Cd34',
  );
  // Without the trailing slash, and behind a base path.
  assert.equal(
    throughExternalOrigin('https://host.example/me/proxy/41234', PAGE),
    'https://host.example/me/proxy/41234/api/v2/redirect?authToken=Ab12Cd34',
  );
  // A subdomain template ({{port}}.host) and a tunnel that adds its own query.
  assert.equal(
    throughExternalOrigin('https://41234.host.example/?tkn=t', `${PAGE}#top`),
    'https://41234.host.example/api/v2/redirect?tkn=t&authToken=Ab12Cd34#top',
  );
});

test('an origin that resolves to itself leaves the page exactly as it was', () => {
  const segment = fc.stringMatching(/^[A-Za-z0-9._~%-]{1,12}$/);
  const page = fc
    .record({
      origin: fc.constantFrom('http://127.0.0.1:41234', 'https://ivs.idenfy.com', 'http://[::1]:8'),
      path: fc.array(segment, { maxLength: 4 }),
      query: fc.array(fc.tuple(segment, segment), { maxLength: 3 }),
      hash: fc.option(segment, { nil: undefined }),
    })
    .map(({ origin, path, query, hash }) => {
      const url = new URL(`${origin}/${path.join('/')}`);
      for (const [k, v] of query) url.searchParams.append(k, v);
      if (hash) url.hash = hash;
      return url.href;
    });
  fc.assert(
    fc.property(page, (href) => {
      assert.equal(throughExternalOrigin(originOf(href), href), href);
    }),
  );
  fc.assert(
    fc.property(page, fc.constantFrom('/proxy/5/', '/a/b/proxy/5', '/'), (href, prefix) => {
      const external = new URL(throughExternalOrigin(`https://editor.example${prefix}`, href));
      const original = new URL(href);
      assert.equal(external.origin, 'https://editor.example');
      assert.equal(external.pathname, prefix.replace(/\/+$/, '') + original.pathname);
      assert.equal(external.search, original.search);
      assert.equal(external.hash, original.hash);
    }),
  );
});
