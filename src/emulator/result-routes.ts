/**
 * The endpoints an integrator calls about a session after creating it, all POST {scanRef} with the
 * token endpoint's auth and error format: /api/v2/status, /api/v2/full, /api/v2/delete and
 * /api/v2/generate-pdf.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApiContext, readApiJson } from './api-request';
import { type ReportLanguage, verificationReport } from './pdf-report';
import { sendError, sendJson } from './respond';
import type { EmulatedSession, SessionStore } from './sessions';

export interface ResultRouteContext extends ApiContext {
  sessions: SessionStore;
  baseUrl: () => string;
}

export const RESULT_PATHS = [
  '/api/v2/status',
  '/api/v2/full',
  '/api/v2/delete',
  '/api/v2/generate-pdf',
] as const;
export type ResultPath = (typeof RESULT_PATHS)[number];

/** The session named by the body's scanRef, or the answer that says why there is none. */
function sessionOf(
  ctx: ResultRouteContext,
  body: Record<string, unknown>,
  res: ServerResponse,
): EmulatedSession | undefined {
  const scanRef = body.scanRef;
  if (scanRef === undefined || scanRef === null || scanRef === '') {
    sendError(res, 400, 'MISSING_VALUE', "Field 'scanRef' is required.");
    return undefined;
  }
  if (typeof scanRef !== 'string') {
    sendError(res, 400, 'BAD_VALUE', "Field 'scanRef': must be a string.");
    return undefined;
  }
  const session = ctx.sessions.byRef(scanRef);
  // iDenfy documents the 404 status; the identifier is the emulator's own, as for unknown paths.
  if (!session) sendError(res, 404, 'NOT_FOUND', `No verification with scanRef '${scanRef}'.`);
  return session;
}

export async function handleResult(
  ctx: ResultRouteContext,
  path: ResultPath,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readApiJson(ctx, req, res);
  if (!body) return;
  const session = sessionOf(ctx, body, res);
  if (!session) return;
  switch (path) {
    case '/api/v2/status':
      sendJson(res, 200, ctx.sessions.statusAnswer(session));
      return;
    case '/api/v2/full':
      sendJson(res, 200, ctx.sessions.fullAnswer(session, ctx.baseUrl()));
      return;
    case '/api/v2/delete':
      if (ctx.sessions.delete(session) === 'tokenValid') {
        sendJson(res, 400, {
          identifier: 'PARTNER_ERROR',
          message: 'Token has not expired yet.',
          severity: 'NOT_SEVERE',
        });
        return;
      }
      // iDenfy answers a deletion with 200 and nothing to read.
      res.writeHead(200, { 'content-length': 0 });
      res.end();
      return;
    case '/api/v2/generate-pdf': {
      const language = body.language ?? 'en';
      if (language !== 'en' && language !== 'lt') {
        sendError(res, 400, 'BAD_VALUE', 'Field \'language\': use "en" or "lt".');
        return;
      }
      if (session.deleted) {
        sendJson(res, 400, {
          identifier: 'PARTNER_ERROR',
          message: 'The personal data of this verification was deleted.',
          severity: 'NOT_SEVERE',
        });
        return;
      }
      // "A PDF file in Base64 format" is the whole documented answer: the body is the Base64 text.
      const base64 = verificationReport(
        ctx.sessions,
        session,
        language as ReportLanguage,
        ctx.baseUrl(),
      ).toString('base64');
      res.writeHead(200, { 'content-type': 'text/plain; charset=us-ascii', 'content-length': base64.length });
      res.end(base64);
      return;
    }
  }
}
