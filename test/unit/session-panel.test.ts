/**
 * The session panel's HTML (src/panel/render.ts) and model: escaping, the Content-Security-Policy,
 * nonces, no remote content, the QR code decoding back to the link, and what the page keeps as state.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import jsQR from 'jsqr';
import type { HistoryEntry } from '../../src/history/entry';
import { sessionPanelModel } from '../../src/panel/model';
import { type QrCode, qrCode } from '../../src/panel/qr';
import {
  contentSecurityPolicy,
  parsePanelMessage,
  renderGoneSession,
  renderSessionPanel,
  timeLeft,
} from '../../src/panel/render';
import type { WebhookDelivery } from '../../src/webhooks/delivery';

const NOW = new Date('2026-12-01T12:00:00Z');
const CONTEXT = { nonce: 'bm9uY2Utb25l', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' };
const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&\`</td>`;

function entry(over: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: 'e1f0c2d4-0000-4000-8000-000000000001',
    clientId: 'user-42',
    scanRef: '3f2a9c1e-1111-4222-8333-444455556666',
    authToken: 'TOKEN1234567890abcdefTOKEN1234567890',
    createdAt: '2026-12-01T11:00:00.000Z',
    expiresAt: '2026-12-02T11:00:00.000Z',
    target: 'emulator',
    baseUrl: 'http://127.0.0.1:41234',
    response: {
      authToken: 'TOKEN1234567890abcdefTOKEN1234567890',
      scanRef: '3f2a9c1e-1111-4222-8333-444455556666',
    },
    ...over,
  };
}

const delivery = (over: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  at: '2026-12-01T11:30:00.000Z',
  event: 'IDENTIFICATION_AUTO_FINISHED',
  url: 'http://127.0.0.1:3000/webhook',
  status: 200,
  durationMs: 12.4,
  payloadSha256: 'ab'.repeat(32),
  source: 'emulator',
  final: true,
  ...over,
});

const render = (e: HistoryEntry, deliveries: WebhookDelivery[] = []) =>
  renderSessionPanel(sessionPanelModel(e, deliveries, NOW), CONTEXT);

/**
 * The markup's own characters in document order: escaping must leave this skeleton unchanged whatever
 * the values, since an escaped value contributes none of them.
 */
const skeleton = (html: string) => html.replace(/[^<>"'`]/g, '');

test('a hostile clientId, profile, scanRef and delivery fields are escaped everywhere', () => {
  const html = render(entry({ clientId: HOSTILE, profile: HOSTILE, scanRef: `x${HOSTILE}` }), [
    delivery({ event: HOSTILE, url: HOSTILE, error: HOSTILE, status: null, at: `2026${HOSTILE}` }),
  ]);
  assert.ok(!html.includes('<script>alert'), 'raw script tag');
  assert.ok(!html.includes('<img'), 'raw img tag');
  assert.ok(
    html.includes(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;&#96;',
    ),
  );
  const plain = render(entry({ clientId: 'c', profile: 'p', scanRef: 'x' }), [
    delivery({ event: 'e', url: 'u', error: 'r', status: null, at: '2026' }),
  ]);
  assert.equal(skeleton(html), skeleton(plain));
});

/** Text made mostly of what HTML gives meaning to. */
const markup = fc.string({
  unit: fc.constantFrom('<', '>', '&', '"', "'", '`', '/', '=', ' ', 'script', 'a', 'é', '\u2028'),
  maxLength: 30,
});

test('property: any text in any field leaves the page structure unchanged', () => {
  const base = skeleton(render(entry({ clientId: 'c', profile: 'p' }), [delivery({ error: 'x' })]));
  fc.assert(
    fc.property(markup, fc.string({ unit: 'binary' }), (text, other) => {
      const clientId = `c${text}`;
      const html = render(entry({ clientId, profile: `p${other}` }), [
        delivery({ event: text, url: other, error: `x${text}` }),
      ]);
      assert.equal(skeleton(html), base);
    }),
    { numRuns: 100 },
  );
});

test('the Content-Security-Policy is present and strict', () => {
  const html = render(entry());
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(meta, 'no CSP meta');
  const csp = (meta[1] ?? '').replace(/&#39;/g, "'");
  assert.equal(csp, contentSecurityPolicy(CONTEXT));
  const directives = Object.fromEntries(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['script-src'], [`'nonce-${CONTEXT.nonce}'`]);
  assert.deepEqual(directives['style-src'], [CONTEXT.cspSource, `'nonce-${CONTEXT.nonce}'`]);
  assert.equal(directives['img-src'], undefined, 'the QR code is inline SVG: no image source at all');
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  assert.deepEqual(directives['form-action'], ["'none'"]);
  assert.ok(!/unsafe-(inline|eval)|\*/.test(csp.replace(CONTEXT.cspSource, '')), csp);
});

test('every script and style element carries the nonce; no inline handlers or style attributes', () => {
  for (const html of [render(entry(), [delivery()]), renderGoneSession('x', CONTEXT)]) {
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)];
    const styles = [...html.matchAll(/<style\b([^>]*)>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(styles.length, 1);
    for (const [, attrs] of [...scripts, ...styles]) assert.equal(attrs, ` nonce="${CONTEXT.nonce}"`);
    assert.ok(!/\son[a-z]+=/i.test(html), 'inline event handler');
    assert.ok(!/\sstyle=/i.test(html), 'style attribute (blocked by the CSP)');
  }
});

test('no remote content: no src or href attribute at all; the link is text and a button', () => {
  const e = entry({
    response: { ...entry().response, redirectUrl: 'https://ivs.idenfy.com/api/v2/redirect?authToken=T' },
  });
  const html = render(e, [delivery({ url: 'https://example.com/hook' })]);
  assert.ok(
    !/\s(src|href|srcset|xlink:href|action|formaction|poster|data)=/i.test(html),
    'a loading attribute',
  );
  assert.ok(!/url\(/i.test(html), 'a CSS url()');
  assert.ok(!/@import/i.test(html));
  // The only http(s) URLs: the link as text (and as the QR's name), the receivers as text, the SVG
  // namespace and the cspSource in the policy.
  const urls = new Set([...html.matchAll(/https?:\/\/[^\s"<>&]+/g)].map((m) => m[0]));
  assert.deepEqual(
    [...urls].sort(),
    [
      'http://127.0.0.1:41234',
      'http://www.w3.org/2000/svg',
      'https://example.com/hook',
      CONTEXT.cspSource,
      'https://ivs.idenfy.com/api/v2/redirect?authToken=T',
    ].sort(),
  );
  assert.match(
    html,
    /<code class="url" id="verification-link">https:\/\/ivs\.idenfy\.com\/api\/v2\/redirect\?authToken=T<\/code>/,
  );
  assert.match(
    html,
    /<button type="button" id="action-openPage" data-command="openPage">Open in Browser<\/button>/,
  );
});

test('the page keeps only the entry id as state, and the authToken only inside the verification link', () => {
  const html = render(entry());
  assert.match(html, /vscode\.setState\(\{ entryId: body\.dataset\.entryId \}\)/);
  assert.equal((html.match(/setState/g) ?? []).length, 1);
  const withoutLink = html.replace(
    /http:\/\/127\.0\.0\.1:41234\/api\/v2\/redirect\?authToken=TOKEN1234567890abcdefTOKEN1234567890/g,
    '',
  );
  assert.ok(!withoutLink.includes('TOKEN1234567890'), 'the authToken outside the link');
  assert.match(html, /data-entry-id="e1f0c2d4-0000-4000-8000-000000000001"/);
});

/** Draws the code's path (module units, `M x y h w v1 h-w z` runs) at `scale` px per module, as RGBA. */
function rasterize(qr: QrCode, scale: number): { data: Uint8ClampedArray; width: number } {
  const width = qr.size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const m of qr.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + w) * scale; px++)
        data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
    }
  }
  return { data, width };
}

test('the QR code decodes back to the link, UTF-8 and long links included', () => {
  const links = [
    'http://127.0.0.1:41234/api/v2/redirect?authToken=Ab3dEfGh1jKlMn0pQrStUvWxYz0123456789',
    'https://ivs.idenfy.com/api/v2/redirect?authToken=x&lang=lt&name=Žemaitė-ąčęėįšųūž',
    `https://example.com/${'a'.repeat(400)}`,
  ];
  for (const link of links) {
    const qr = qrCode(link);
    assert.match(qr.path, /^(M\d+ \d+h\d+v1h-\d+z)+$/);
    const { data, width } = rasterize(qr, 4);
    const decoded = jsQR(data, width, width);
    assert.ok(decoded, `not decoded: ${link.slice(0, 60)}`);
    assert.equal(Buffer.from(decoded.binaryData).toString('utf8'), link);
  }
});

test('the QR code in the page: inline SVG named by the link, whole pixels per module, about 300 px', () => {
  const html = render(entry());
  const svg =
    /<svg id="qr" role="img" aria-label="([^"]+)"[^>]* width="(\d+)" height="\2" viewBox="0 0 (\d+) \3" shape-rendering="crispEdges"><title>([^<]+)<\/title>/.exec(
      html,
    );
  assert.ok(svg, 'no QR svg');
  const link = 'http://127.0.0.1:41234/api/v2/redirect?authToken=TOKEN1234567890abcdefTOKEN1234567890';
  assert.equal(svg[1], link);
  assert.equal(svg[4], link);
  const [px, modules] = [Number(svg[2]), Number(svg[3])];
  assert.equal(px % modules, 0, 'a whole number of pixels per module');
  assert.ok(px >= 240 && px <= 300, `${px} px`);
});

test('status, its meaning and when it was asked; the time left', () => {
  let html = render(entry());
  assert.match(html, /<span id="status" class="badge status-active">ACTIVE<\/span>/);
  assert.match(html, /the person has not finished the verification yet/);
  assert.match(html, /status not checked yet/);
  assert.match(html, /<span id="time-left" data-until="2026-12-02T11:00:00.000Z">/);
  html = render(entry({ status: { overall: 'DENIED', checkedAt: '2026-12-01T11:55:00Z' } }));
  assert.match(html, /class="badge status-denied">DENIED</);
  assert.match(html, /Failed: a document or face check failed/);
  assert.match(html, /checked <span data-since="2026-12-01T11:55:00Z">/);
  assert.equal(timeLeft(0), 'expired');
  assert.equal(timeLeft(-5), 'expired');
  assert.equal(timeLeft(65_000), '1m 5s left');
  assert.equal(timeLeft(3 * 3600_000 + 61_000), '3h 1m left');
  assert.equal(timeLeft(50 * 3600_000), '2d 2h left');
});

test('an expired session has no link and no QR code, and says why', () => {
  const html = render(entry({ expiresAt: '2026-12-01T11:59:00Z' }));
  assert.ok(!html.includes('<svg'));
  assert.ok(!html.includes('action-openPage'));
  assert.match(html, /id="no-link">The session token has expired/);
  assert.match(html, /class="badge status-expired">EXPIRED</);
});

test('the profile shows when recorded; emulator-only actions only for emulator sessions', () => {
  assert.match(render(entry({ profile: 'production' })), /<dt>Profile<\/dt><dd>production<\/dd>/);
  assert.ok(!render(entry()).includes('<dt>Profile'));
  assert.ok(render(entry()).includes('data-command="completeEmulator"'));
  assert.ok(
    !render(entry({ target: 'idenfy', baseUrl: 'https://ivs.idenfy.com' })).includes('completeEmulator'),
  );
});

test('deliveries: newest first, with Resend and Show Payload naming what they act on', () => {
  const html = render(entry(), [
    delivery({ at: '2026-12-01T11:30:00.000Z' }),
    delivery({
      at: '2026-12-01T11:40:00.000Z',
      status: 500,
      error: 'Internal Server Error',
      source: 'editor',
    }),
  ]);
  const order = [...html.matchAll(/data-command="resendWebhook"[^>]* data-delivery-at="([^"]+)"/g)].map(
    (m) => m[1],
  );
  assert.deepEqual(order, ['2026-12-01T11:40:00.000Z', '2026-12-01T11:30:00.000Z']);
  assert.match(
    html,
    /aria-label="Show the payload of IDENTIFICATION_AUTO_FINISHED at 2026-12-01T11:40:00.000Z"/,
  );
  assert.ok(render(entry()).includes('id="no-deliveries"'));
});

test('the gone page names no session data', () => {
  const html = renderGoneSession('e1', CONTEXT);
  assert.match(html, /no longer in the iDenfy Sessions history/);
});

test('messages from the page are checked', () => {
  assert.deepEqual(parsePanelMessage({ command: 'checkStatus', focus: 'action-checkStatus' }), {
    command: 'checkStatus',
    focus: 'action-checkStatus',
  });
  assert.deepEqual(parsePanelMessage({ command: 'copy', what: 'authToken' }), {
    command: 'copy',
    what: 'authToken',
  });
  assert.deepEqual(parsePanelMessage({ command: 'showPayload', deliveryAt: '2026-12-01T11:40:00.000Z' }), {
    command: 'showPayload',
    deliveryAt: '2026-12-01T11:40:00.000Z',
  });
  for (const bad of [
    null,
    'checkStatus',
    { command: 'eval' },
    { command: 'copy', what: 'apiSecret' },
    { command: 'resendWebhook' },
  ]) {
    assert.equal(parsePanelMessage(bad), undefined, JSON.stringify(bad));
  }
  assert.deepEqual(parsePanelMessage({ command: 'savePdf', focus: '"><x' }), { command: 'savePdf' });
});

test("the page's script runs the same clock as timeLeft (its copy is the function's own source)", () => {
  const html = render(entry());
  const source = /const timeLeft = ([\s\S]*?);\n {2}const timeAgo/.exec(html)?.[1];
  assert.ok(source);
  const copy = new Function(`return (${source});`)() as typeof timeLeft;
  for (const ms of [0, 1000, 65_000, 7_200_000, 200_000_000]) assert.equal(copy(ms), timeLeft(ms));
});
