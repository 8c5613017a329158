/** POST /api/v2/token: reads, authenticates and validates a request the way iDenfy answers it. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateRequest } from '../model/validate';
import { isPlainObject } from '../util/is-plain-object';
import { authorised } from './auth';
import { readBody } from './read-body';
import { sendError, sendJson } from './respond';
import type { SessionStore } from './sessions';

export interface TokenRouteContext {
  apiKey: string;
  apiSecret: string;
  maxRequestBytes: number;
  sessions: SessionStore;
  redirectBase: () => string;
}

/** Where a top-level property is named in an issue path, iDenfy-style. */
function topLevelName(path: (string | number)[]): string | undefined {
  const first = path[0];
  return first === undefined ? undefined : String(first);
}

export async function handleToken(
  ctx: TokenRouteContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const read = await readBody(req, ctx.maxRequestBytes);
  if (read.kind === 'gone') return;
  if (read.kind === 'tooLarge') {
    // The emulator's own identifier: iDenfy documents none for this case.
    sendError(res, 413, 'REQUEST_TOO_LARGE', `Request body is larger than ${ctx.maxRequestBytes} bytes.`, {
      connection: 'close',
    });
    return;
  }
  if (!authorised(req.headers.authorization, ctx.apiKey, ctx.apiSecret)) {
    sendError(res, 401, 'UNAUTHORIZED', 'Authentication credentials were not provided or are incorrect.');
    return;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    sendError(res, 400, 'ENCODING_ERROR', 'Request body is not valid UTF-8.');
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    sendError(res, 400, 'JSON_ERROR', 'Request body is not valid JSON.');
    return;
  }
  if (!isPlainObject(parsed)) {
    sendError(res, 400, 'JSON_ERROR', 'Request body must be a JSON object.');
    return;
  }
  const validation = validateRequest(parsed);
  if (!validation.ok) {
    // iDenfy reports one problem at a time, a missing value first.
    const missing = validation.issues.find((i) => i.kind === 'missing');
    if (missing) {
      const name = topLevelName(missing.path) ?? 'clientId';
      sendError(res, 400, 'MISSING_VALUE', `Field '${name}' is required.`);
      return;
    }
    const first = validation.issues[0];
    const name = first ? topLevelName(first.path) : undefined;
    const detail = first?.message ?? 'Invalid value.';
    sendError(res, 400, 'BAD_VALUE', name ? `Field '${name}': ${detail}` : detail);
    return;
  }
  // The model's output: the request with the page's defaults filled in (one place for them).
  sendJson(res, 201, ctx.sessions.create(validation.data, ctx.redirectBase()).response);
}
