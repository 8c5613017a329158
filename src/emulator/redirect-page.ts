/**
 * The page behind an emulated session's redirectUrl. It says plainly that nothing real happens
 * here, and stands in for the person: its buttons finish the verification with the outcome a
 * developer wants to test (plain HTML forms, no script: the page forbids active content).
 */
import {
  DOCUMENT_STATUSES,
  FACE_STATUSES,
  FRAUD_TAGS,
  MISMATCH_TAGS,
  OVERALL_STATUSES,
} from '../model/result-vocabulary';
import type { Term } from '../model/vocabulary';
import type { EmulatedSession, SessionStore } from './sessions';

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#1b1f24}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.5rem}
.notice{background:#fff5d6;border:1px solid #e0c060;padding:.5rem .75rem;border-radius:4px}
.error{background:#fde2e2;border:1px solid #d66;padding:.5rem .75rem;border-radius:4px}
form{border:1px solid #ccd;border-radius:6px;padding:.6rem .8rem;margin:.6rem 0}
label{display:inline-block;margin:.25rem 1rem .25rem 0;vertical-align:top}
select{display:block;max-width:26rem}
button{font:inherit;padding:.3rem .9rem;margin-top:.4rem;cursor:pointer}
pre{background:#f4f5f7;padding:.6rem;overflow:auto;font-size:12px}
dt{font-weight:600}dd{margin:0 0 .4rem 1rem}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="notice">This is the <strong>offline iDenfy emulator</strong>. No identity verification takes place and nothing was sent to iDenfy.</p>
${body}
</body></html>
`;
}

function options(terms: readonly Term[], blank?: string): string {
  const first = blank ? `<option value="">${escapeHtml(blank)}</option>` : '';
  return (
    first +
    terms
      .map((t) => `<option value="${t.value}" title="${escapeHtml(t.description)}">${t.value}</option>`)
      .join('')
  );
}

function meaning(terms: readonly Term[], value: string): string {
  return escapeHtml(terms.find((t) => t.value === value)?.description ?? '');
}

function outcomeForms(action: string, underReview: boolean): string {
  const form = (outcome: string, inner: string, label: string) =>
    `<form method="post" action="${action}"><input type="hidden" name="outcome" value="${outcome}">${inner}<button type="submit">${label}</button></form>`;
  return [
    underReview
      ? "<h2>Reviewer's final verdict</h2><p>The automatic result is in; choose what the manual review decides.</p>"
      : '<h2>Finish the verification as the person would</h2>',
    form('APPROVED', '', 'Approve'),
    form(
      'DENIED',
      `<label>Document status<select name="document">${options(DOCUMENT_STATUSES, '(document passed)')}</select></label>` +
        `<label>Face status<select name="face">${options(FACE_STATUSES, '(face: FACE_MISMATCH if no document status)')}</select></label><br>`,
      'Deny',
    ),
    form(
      'SUSPECTED',
      `<label>Fraud tags<select name="fraudTags" multiple size="6">${options(FRAUD_TAGS)}</select></label>` +
        `<label>Mismatch tags<select name="mismatchTags" multiple size="6">${options(MISMATCH_TAGS)}</select></label><br>`,
      'Mark suspected',
    ),
    underReview
      ? ''
      : form(
          'REVIEWING',
          '<p>The automatic checks cannot decide: the status becomes REVIEWING until the final verdict is chosen here.</p>',
          'Send to manual review',
        ),
  ].join('\n');
}

export function renderSessionPage(store: SessionStore, session: EmulatedSession, error?: string): string {
  const status = store.status(session);
  const parts: string[] = [];
  if (error) parts.push(`<p class="error">${escapeHtml(error)}</p>`);
  if (status === 'ACTIVE') parts.push('<p>Status: <strong>ACTIVE</strong>, waiting for the client.</p>');
  else parts.push(`<p>Status: <strong>${status}</strong>. ${meaning(OVERALL_STATUSES, status)}</p>`);
  if (session.dummy && status !== 'ACTIVE')
    parts.push(
      '<p>This dummy verification was created already finished (dummyStatus); there is nothing for the client to do.</p>',
    );
  const action = `/api/v2/redirect?authToken=${encodeURIComponent(session.response.authToken)}`;
  if (status === 'ACTIVE' || status === 'REVIEWING') parts.push(outcomeForms(action, status === 'REVIEWING'));
  if (session.result && !session.deleted) {
    // The session echoes user input (names, URLs): everything is escaped, nothing is interpreted.
    parts.push(
      `<h2>Result (POST /api/v2/status)</h2><pre>${escapeHtml(JSON.stringify(store.statusAnswer(session), null, 2))}</pre>`,
    );
  }
  parts.push(
    `<h2>Session as created</h2>\n<pre>${escapeHtml(JSON.stringify(session.response, null, 2))}</pre>`,
  );
  return page('Emulated verification session', parts.join('\n'));
}

export function renderUnknownSessionPage(authToken: string): string {
  return page(
    'Unknown session',
    `<p>No session with authToken <code>${escapeHtml(authToken)}</code> was created by this emulator run (sessions are kept in memory only).</p>`,
  );
}
