/**
 * The session panel's HTML: model + nonce + cspSource in, one string out. Pure (no vscode) and
 * unit-tested: every value from the history is escaped, nothing loads from the network (the QR code
 * is an inline SVG, the styles and the one script carry the render's nonce), and links are shown as
 * text; the buttons ask the extension, which opens them.
 */
import type { WebhookDelivery } from '../webhooks/delivery';
import type { SessionPanelModel } from './model';

export interface RenderContext {
  /** Fresh for each render: the only script and style elements that run carry it. */
  nonce: string;
  /** The webview's `cspSource` (what VS Code serves the extension's own files from). */
  cspSource: string;
  /** The id of the button to focus after the render (the one just pressed), for keyboard users. */
  focus?: string;
}

/** What the panel's buttons post to the extension. */
export type PanelMessage =
  | { command: PanelCommand; focus?: string }
  | { command: 'copy'; what: CopyWhat; focus?: string }
  | { command: 'resendWebhook' | 'showPayload'; deliveryAt: string; focus?: string };

export const PANEL_COMMANDS = [
  'openPage',
  'showResponse',
  'checkStatus',
  'showResult',
  'savePdf',
  'deletePersonalData',
  'completeEmulator',
] as const;
export type PanelCommand = (typeof PANEL_COMMANDS)[number];
export const COPY_WHAT = ['authToken', 'scanRef', 'iframe', 'link'] as const;
export type CopyWhat = (typeof COPY_WHAT)[number];

/** A message from the webview, checked: the page is ours, but its messages are still input. */
export function parsePanelMessage(value: unknown): PanelMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  const focus = typeof m.focus === 'string' && /^[\w-]{1,60}$/.test(m.focus) ? { focus: m.focus } : {};
  if ((PANEL_COMMANDS as readonly unknown[]).includes(m.command)) {
    return { command: m.command as PanelCommand, ...focus };
  }
  if (m.command === 'copy' && (COPY_WHAT as readonly unknown[]).includes(m.what)) {
    return { command: 'copy', what: m.what as CopyWhat, ...focus };
  }
  if (
    (m.command === 'resendWebhook' || m.command === 'showPayload') &&
    typeof m.deliveryAt === 'string' &&
    m.deliveryAt.length <= 40
  ) {
    return { command: m.command, deliveryAt: m.deliveryAt, ...focus };
  }
  return undefined;
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"'`]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c] ?? c,
  );
}

/** "23h 59m left": what the panel's clock shows; also run in the webview (see SCRIPT). */
export function timeLeft(ms: number): string {
  if (!(ms > 0)) return 'expired';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h left`;
  if (h > 0) return `${h}h ${m}m left`;
  return `${m}m ${s % 60}s left`;
}

/** "5m ago": when the status was asked. Also run in the webview. */
export function timeAgo(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 172_800) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86_400)}d ago`;
}

export function contentSecurityPolicy({ nonce, cspSource }: RenderContext): string {
  // default-src 'none' covers images, fonts, frames, connections; base-uri and form-action do not
  // fall back to it. No img-src at all: the QR code is inline SVG.
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderSessionPanel(model: SessionPanelModel, context: RenderContext): string {
  const e = escapeHtml;
  const emulator = model.target === 'emulator';
  const statusClass = `status-${model.status.overall.toLowerCase().replace(/[^a-z]/g, '')}`;
  const checked = model.status.checkedAt
    ? `checked <span data-since="${e(model.status.checkedAt)}">${e(timeAgo(Date.now() - Date.parse(model.status.checkedAt)))}</span>`
    : 'status not checked yet';
  const facts: [string, string][] = [
    ['scanRef', `<code id="scanRef">${e(model.scanRef)}</code>`],
    ...(model.profile ? [['Profile', e(model.profile)] as [string, string]] : []),
    ['Target', `${emulator ? 'Offline emulator' : 'iDenfy'} <code class="url">${e(model.baseUrl)}</code>`],
    ['Created', `<time datetime="${e(model.createdAt)}" data-local>${e(utc(model.createdAt))}</time>`],
    [
      'Expires',
      `<time datetime="${e(model.expiresAt)}" data-local>${e(utc(model.expiresAt))}</time> · <span id="time-left" data-until="${e(model.expiresAt)}">${e(timeLeft(Date.parse(model.expiresAt) - Date.now()))}</span>`,
    ],
  ];
  const actions = [
    button('action-checkStatus', 'checkStatus', 'Check Status', { primary: true }),
    button('action-showResult', 'showResult', 'Show Result'),
    button('action-savePdf', 'savePdf', 'Save PDF Report'),
    emulator ? button('action-completeEmulator', 'completeEmulator', 'Complete Verification (Emulator)') : '',
    button('action-deletePersonalData', 'deletePersonalData', 'Delete Personal Data'),
    button('action-showResponse', 'showResponse', 'Show Raw Response (JSON)'),
  ].join('');
  const copies = [
    button('copy-authToken', 'copy', 'Copy authToken', { what: 'authToken' }),
    button('copy-scanRef', 'copy', 'Copy scanRef', { what: 'scanRef' }),
    button('copy-iframe', 'copy', 'Copy iframe Snippet', { what: 'iframe' }),
  ].join('');
  const link = model.verification
    ? `<div class="qr">${qrSvg(model.verification.qr, model.verification.url)}</div>
      <p class="hint">Scan with a phone to go through the verification there${emulator ? ' (the phone must reach the emulator’s address)' : ''}.</p>
      <p><code class="url" id="verification-link">${e(model.verification.url)}</code></p>
      <div class="buttons">${button('action-openPage', 'openPage', 'Open in Browser', { primary: true })}${button('copy-link', 'copy', 'Copy Link', { what: 'link' })}</div>`
    : `<p class="hint" id="no-link">${e(model.noLink ?? 'No verification link.')}</p>`;
  return page(
    context,
    model.entryId,
    `iDenfy session ${model.clientId}`,
    `<header>
    <h1><span class="label">iDenfy session</span> <span id="clientId">${model.clientId ? e(model.clientId) : '<em>(no clientId)</em>'}</span></h1>
    <p class="status"><span id="status" class="badge ${e(statusClass)}">${e(model.status.overall)}</span> <span id="status-meaning">${e(model.status.meaning)}</span> <span class="muted">(${checked})</span></p>
  </header>
  <main class="columns">
    <section aria-labelledby="h-session">
      <h2 id="h-session">Session</h2>
      <dl>${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl>
      <h2 id="h-copy">Copy</h2>
      <div class="buttons" role="group" aria-labelledby="h-copy">${copies}</div>
      <h2 id="h-actions">Actions</h2>
      <div class="buttons" role="group" aria-labelledby="h-actions">${actions}</div>
    </section>
    <section aria-labelledby="h-link" class="link">
      <h2 id="h-link">Verification page</h2>
      ${link}
    </section>
  </main>
  <section aria-labelledby="h-deliveries">
    <h2 id="h-deliveries">Webhook deliveries</h2>
    ${deliveriesTable(model.deliveries)}
  </section>`,
  );
}

/** The panel of a session that is no longer in the history (removed, or past the retention). */
export function renderGoneSession(entryId: string, context: RenderContext): string {
  return page(
    context,
    entryId,
    'iDenfy session',
    `<header><h1><span class="label">iDenfy session</span> not found</h1></header>
  <p id="gone">This session is no longer in the iDenfy Sessions history: it was removed, or it is older than <code>idenfy.history.retentionDays</code>. The session itself stays on iDenfy.</p>`,
  );
}

function deliveriesTable(deliveries: readonly WebhookDelivery[]): string {
  const e = escapeHtml;
  if (deliveries.length === 0) {
    return '<p class="muted" id="no-deliveries">No webhook deliveries recorded for this session yet.</p>';
  }
  const rows = deliveries.map((d, i) => {
    const outcome =
      d.status === null
        ? `<span class="bad">no answer</span>${d.error ? ` ${e(d.error)}` : ''}`
        : `<span class="${d.status >= 200 && d.status < 300 ? 'good' : 'bad'}">${d.status}</span>${d.error ? ` ${e(d.error)}` : ''}`;
    const what = `${d.event} at ${d.at}`;
    return `<tr>
        <td><time datetime="${e(d.at)}" data-local>${e(utc(d.at))}</time></td>
        <td><code>${e(d.event)}</code>${d.final === false ? ' <span class="muted">(interim)</span>' : ''}</td>
        <td>${outcome} <span class="muted">· ${e(String(Math.round(d.durationMs)))} ms</span></td>
        <td>${d.source === 'emulator' ? 'emulator' : 'editor'}</td>
        <td class="url"><code>${e(d.url)}</code></td>
        <td><div class="buttons row">${button(`delivery-${i}-resend`, 'resendWebhook', 'Resend', { deliveryAt: d.at, label: `Resend ${what}` })}${button(`delivery-${i}-payload`, 'showPayload', 'Show Payload', { deliveryAt: d.at, label: `Show the payload of ${what}` })}</div></td>
      </tr>`;
  });
  return `<div class="table-wrap"><table>
      <thead><tr><th scope="col">Sent</th><th scope="col">Event</th><th scope="col">Answer</th><th scope="col">By</th><th scope="col">Receiver</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${rows.join('')}</tbody>
    </table></div>`;
}

function button(
  id: string,
  command: string,
  text: string,
  options: { primary?: boolean; what?: string; deliveryAt?: string; label?: string } = {},
): string {
  const e = escapeHtml;
  const attrs = [
    `type="button"`,
    `id="${e(id)}"`,
    `data-command="${e(command)}"`,
    options.primary ? '' : 'class="secondary"',
    options.what ? `data-what="${e(options.what)}"` : '',
    options.deliveryAt ? `data-delivery-at="${e(options.deliveryAt)}"` : '',
    options.label ? `aria-label="${e(options.label)}"` : '',
  ].filter((a) => a !== '');
  return `<button ${attrs.join(' ')}>${e(text)}</button>`;
}

/**
 * Dark modules on white whatever the theme (phones read dark-on-light), a whole number of pixels per
 * module so the edges stay sharp, and about 300 px across so a phone reads it off the screen.
 */
function qrSvg(qr: { size: number; path: string }, url: string): string {
  const cell = Math.max(4, Math.floor(300 / qr.size));
  const px = qr.size * cell;
  const e = escapeHtml;
  return `<svg id="qr" role="img" aria-label="${e(url)}" xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 ${qr.size} ${qr.size}" shape-rendering="crispEdges"><title>${e(url)}</title><rect width="${qr.size}" height="${qr.size}" fill="#ffffff"/><path fill="#000000" d="${e(qr.path)}"/></svg>`;
}

function utc(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function page(context: RenderContext, entryId: string, title: string, body: string): string {
  const e = escapeHtml;
  const nonce = e(context.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy(context))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body data-entry-id="${e(entryId)}"${context.focus ? ` data-focus="${e(context.focus)}"` : ''}>
  ${body}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

// Theme colours only (--vscode-*), so the panel follows light, dark and high-contrast themes.
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 8px 20px 24px; line-height: 1.45; }
h1 { font-size: 1.5em; font-weight: 600; margin: 12px 0 4px; overflow-wrap: anywhere; }
h1 .label { color: var(--vscode-descriptionForeground); font-weight: 400; }
h2 { font-size: 1.05em; font-weight: 600; margin: 18px 0 8px; text-transform: uppercase; letter-spacing: .04em; color: var(--vscode-descriptionForeground); }
code { font-family: var(--vscode-editor-font-family); font-size: .95em; overflow-wrap: anywhere; }
.url { color: var(--vscode-textLink-foreground); }
.muted, .hint { color: var(--vscode-descriptionForeground); }
.columns { display: flex; flex-wrap: wrap; gap: 8px 40px; align-items: flex-start; }
.columns > section { flex: 1 1 340px; min-width: 0; }
.columns > section.link { flex: 0 1 340px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0; }
dt { color: var(--vscode-descriptionForeground); }
dd { margin: 0; min-width: 0; }
.status { margin: 4px 0 0; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600; font-size: .9em; border: 1px solid currentColor; }
.status-approved, .good { color: var(--vscode-testing-iconPassed); }
.status-denied, .bad { color: var(--vscode-testing-iconFailed); }
.status-suspected { color: var(--vscode-list-warningForeground); }
.status-reviewing { color: var(--vscode-testing-iconQueued); }
.status-active { color: var(--vscode-textLink-foreground); }
.status-expired, .status-deleted, .status-archived { color: var(--vscode-descriptionForeground); }
.buttons { display: flex; flex-wrap: wrap; gap: 8px; }
button { white-space: nowrap; font: inherit; padding: 4px 12px; border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; cursor: pointer; color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
button:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button.secondary:hover { background: var(--vscode-button-secondaryHoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.qr { display: inline-block; padding: 0; line-height: 0; border: 1px solid var(--vscode-widget-border, transparent); }
.qr svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); vertical-align: middle; }
th { color: var(--vscode-descriptionForeground); font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
td.url { max-width: 180px; }
.table-wrap { overflow-x: auto; }
td code { overflow-wrap: break-word; }
.buttons.row { flex-wrap: nowrap; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

// The one script: buttons post what was pressed (the extension decides), the clock ticks, dates show
// in local time, and the state kept for a reload is the entry id only, never a token.
const SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const body = document.body;
  vscode.setState({ entryId: body.dataset.entryId });
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button[data-command]') : null;
    if (!target) return;
    const message = { command: target.dataset.command, focus: target.id };
    if (target.dataset.what) message.what = target.dataset.what;
    if (target.dataset.deliveryAt) message.deliveryAt = target.dataset.deliveryAt;
    vscode.postMessage(message);
  });
  const timeLeft = ${timeLeft.toString()};
  const timeAgo = ${timeAgo.toString()};
  for (const el of document.querySelectorAll('time[data-local]')) {
    const t = Date.parse(el.getAttribute('datetime'));
    if (!Number.isNaN(t)) el.textContent = new Date(t).toLocaleString();
  }
  const tick = () => {
    const now = Date.now();
    for (const el of document.querySelectorAll('[data-until]')) el.textContent = timeLeft(Date.parse(el.dataset.until) - now);
    for (const el of document.querySelectorAll('[data-since]')) el.textContent = timeAgo(now - Date.parse(el.dataset.since));
  };
  tick();
  setInterval(tick, 1000);
  const focus = body.dataset.focus && document.getElementById(body.dataset.focus);
  if (focus) focus.focus();
})();`;
