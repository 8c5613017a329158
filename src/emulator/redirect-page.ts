/** The page behind an emulated session's redirectUrl: says plainly that nothing real happens here. */
import type { EmulatedSession } from './sessions';

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>This is the <strong>offline iDenfy emulator</strong>. No identity verification takes place and nothing was sent to iDenfy.</p>
${body}
</body></html>
`;
}

export function renderSessionPage(session: EmulatedSession): string {
  // The session echoes user input (names, URLs): everything is escaped, nothing is interpreted.
  const json = escapeHtml(JSON.stringify(session.response, null, 2));
  const state =
    session.status === 'ACTIVE'
      ? '<p>Status: <strong>ACTIVE</strong>, waiting for the client.</p>'
      : `<p>Status: <strong>${escapeHtml(session.status)}</strong>. This dummy verification was created already finished (dummyStatus); there is nothing for the client to do.</p>`;
  return page('Emulated verification session', `${state}\n<p>Session as created:</p>\n<pre>${json}</pre>`);
}

export function renderUnknownSessionPage(authToken: string): string {
  return page(
    'Unknown session',
    `<p>No session with authToken <code>${escapeHtml(authToken)}</code> was created by this emulator run (sessions are kept in memory only).</p>`,
  );
}
