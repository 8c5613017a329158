/**
 * What every JSON endpoint does before its own work, in iDenfy's order: read the body (capped),
 * check the key pair, decode UTF-8, parse a JSON object. Answers the failure itself and returns
 * undefined, so a route holds only what is particular to it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPlainObject } from '../util/is-plain-object';
import { authorised } from './auth';
import { readBody } from './read-body';
import { sendError } from './respond';

export interface ApiContext {
  apiKey: string;
  apiSecret: string;
  maxRequestBytes: number;
  /** Each body read, before any check: lets tests compare the bytes a client sent. */
  onBody?: (req: IncomingMessage, bytes: Buffer) => void;
}

export function refuseMethod(req: IncomingMessage, res: ServerResponse, allowed: 'POST' | 'GET'): boolean {
  const ok = req.method === allowed || (allowed === 'GET' && req.method === 'HEAD');
  if (!ok)
    sendError(res, 405, 'METHOD_NOT_ALLOWED', `Method "${req.method}" not allowed.`, { allow: allowed });
  return !ok;
}

export function refuseUnauthorised(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): boolean {
  const ok = authorised(req.headers.authorization, ctx.apiKey, ctx.apiSecret);
  if (!ok)
    sendError(res, 401, 'UNAUTHORIZED', 'Authentication credentials were not provided or are incorrect.');
  return !ok;
}

export async function readApiJson(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Record<string, unknown> | undefined> {
  const read = await readBody(req, ctx.maxRequestBytes);
  if (read.kind === 'gone') return undefined;
  if (read.kind === 'ok') ctx.onBody?.(req, read.bytes);
  if (read.kind === 'tooLarge') {
    // The emulator's own identifier: iDenfy documents none for this case.
    sendError(res, 413, 'REQUEST_TOO_LARGE', `Request body is larger than ${ctx.maxRequestBytes} bytes.`, {
      connection: 'close',
    });
    return undefined;
  }
  if (refuseUnauthorised(ctx, req, res)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    sendError(res, 400, 'ENCODING_ERROR', 'Request body is not valid UTF-8.');
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    sendError(res, 400, 'JSON_ERROR', 'Request body is not valid JSON.');
    return undefined;
  }
  if (!isPlainObject(parsed)) {
    sendError(res, 400, 'JSON_ERROR', 'Request body must be a JSON object.');
    return undefined;
  }
  return parsed;
}
