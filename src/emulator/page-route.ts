/** GET /api/v2/redirect?authToken=...: the page a session's redirectUrl leads to. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderSessionPage, renderUnknownSessionPage } from './redirect-page';
import { sendError, sendHtml } from './respond';
import type { SessionStore } from './sessions';

export function handleRedirect(
  sessions: SessionStore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, 'METHOD_NOT_ALLOWED', `Method "${req.method}" not allowed.`, { allow: 'GET' });
    return;
  }
  const token = url.searchParams.get('authToken') ?? '';
  const session = sessions.get(token);
  if (session) sendHtml(res, 200, renderSessionPage(session));
  else sendHtml(res, 404, renderUnknownSessionPage(token));
}
