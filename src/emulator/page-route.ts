/**
 * /api/v2/redirect?authToken=...: the page a session's redirectUrl leads to (GET), and its outcome
 * buttons (POST, a form body), which finish the verification and show the page again.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DocumentStatus, FaceStatus, FraudTag, MismatchTag } from '../model/result-vocabulary';
import { type Outcome, OutcomeError } from './outcomes';
import { readBody } from './read-body';
import { renderSessionPage, renderUnknownSessionPage } from './redirect-page';
import { sendError, sendHtml } from './respond';
import type { SessionStore } from './sessions';

/** A form body is a handful of field names; anything bigger is not from the page. */
const MAX_FORM_BYTES = 16 * 1024;

function outcomeOf(form: URLSearchParams): Outcome | undefined {
  switch (form.get('outcome')) {
    case 'APPROVED':
      return { kind: 'APPROVED' };
    case 'DENIED':
      return {
        kind: 'DENIED',
        document: (form.get('document') || undefined) as DocumentStatus | undefined,
        face: (form.get('face') || undefined) as FaceStatus | undefined,
      };
    case 'SUSPECTED':
      return {
        kind: 'SUSPECTED',
        fraudTags: form.getAll('fraudTags') as FraudTag[],
        mismatchTags: form.getAll('mismatchTags') as MismatchTag[],
      };
    case 'REVIEWING':
      return { kind: 'REVIEWING' };
    default:
      return undefined;
  }
}

export async function handleRedirect(
  sessions: SessionStore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
    sendError(res, 405, 'METHOD_NOT_ALLOWED', `Method "${req.method}" not allowed.`, { allow: 'GET, POST' });
    return;
  }
  const token = url.searchParams.get('authToken') ?? '';
  const session = sessions.get(token);
  if (req.method !== 'POST') {
    if (session) sendHtml(res, 200, renderSessionPage(sessions, session));
    else sendHtml(res, 404, renderUnknownSessionPage(token));
    return;
  }
  const read = await readBody(req, MAX_FORM_BYTES);
  if (read.kind === 'gone') return;
  if (!session) {
    sendHtml(res, 404, renderUnknownSessionPage(token));
    return;
  }
  const outcome =
    read.kind === 'ok' ? outcomeOf(new URLSearchParams(read.bytes.toString('utf8'))) : undefined;
  if (!outcome) {
    sendHtml(res, 400, renderSessionPage(sessions, session, 'Choose one of the outcome buttons.'));
    return;
  }
  try {
    sessions.finish(session, outcome);
  } catch (err) {
    if (!(err instanceof OutcomeError)) throw err;
    sendHtml(res, 409, renderSessionPage(sessions, session, err.message));
    return;
  }
  // Post/Redirect/Get: reloading the page does not finish the verification twice.
  res.writeHead(303, { location: url.pathname + url.search, 'content-length': 0 });
  res.end();
}
