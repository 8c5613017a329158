/**
 * GET /kyc/identifications/?clientId=&page=&perPage=: a client's verifications, paginated the way
 * iDenfy's OpenAPI documents it ({count, next, previous, results: [{scanRef, status, suspected}]}).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IdentificationsPage } from '../model/result';
import { type ApiContext, refuseUnauthorised } from './api-request';
import { sendError, sendJson } from './respond';
import type { SessionStore } from './sessions';

export interface IdentificationsContext extends ApiContext {
  sessions: SessionStore;
  baseUrl: () => string;
}

export const IDENTIFICATIONS_PATH = '/kyc/identifications/';
const DEFAULT_PER_PAGE = 10;
const MAX_PER_PAGE = 100;

function positiveInt(text: string | null, fallback: number): number | undefined {
  if (text === null || text === '') return fallback;
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : undefined;
}

export function handleIdentifications(
  ctx: IdentificationsContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  req.resume();
  if (refuseUnauthorised(ctx, req, res)) return;
  const page = positiveInt(url.searchParams.get('page'), 1);
  const perPage = positiveInt(url.searchParams.get('perPage'), DEFAULT_PER_PAGE);
  if (perPage === undefined) {
    sendError(res, 400, 'BAD_VALUE', "Field 'perPage': must be a positive integer.");
    return;
  }
  const size = Math.min(perPage, MAX_PER_PAGE);
  const clientId = url.searchParams.get('clientId') ?? undefined;
  // Newest first, like a dashboard list.
  const all = ctx.sessions.list(clientId).reverse();
  const pages = Math.max(1, Math.ceil(all.length / size));
  if (page === undefined || page > pages) {
    // The paginator's answer for a page past the end.
    sendError(res, 404, 'NOT_FOUND', 'Invalid page.');
    return;
  }
  const link = (n: number) => {
    const u = new URL(IDENTIFICATIONS_PATH, ctx.baseUrl());
    if (clientId !== undefined) u.searchParams.set('clientId', clientId);
    u.searchParams.set('page', String(n));
    if (url.searchParams.has('perPage')) u.searchParams.set('perPage', String(size));
    return u.toString();
  };
  const body: IdentificationsPage = {
    count: all.length,
    next: page < pages ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: all.slice((page - 1) * size, page * size).map((s) => {
      const status = ctx.sessions.status(s);
      return { scanRef: s.response.scanRef, status, suspected: status === 'SUSPECTED' };
    }),
  };
  sendJson(res, 200, body);
}
