/** POST /api/v2/token: reads, authenticates and validates a request the way iDenfy answers it. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateRequest } from '../model/validate';
import { type ApiContext, readApiJson } from './api-request';
import { sendError, sendJson } from './respond';
import type { SessionStore } from './sessions';

export interface TokenRouteContext extends ApiContext {
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
  const parsed = await readApiJson(ctx, req, res);
  if (!parsed) return;
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
