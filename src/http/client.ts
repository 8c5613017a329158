/** Create Session: POST /api/v2/token through the one request path (request.ts). */

import { isPlainObject } from '../util/is-plain-object';
import { CREATE_SESSION } from './operation';
import { type Connection, type IdenfyResult, idenfyRequest } from './request';
import { failureFromUnusableSuccess } from './status-failures';

/** The connection (the send path writes the log line itself) and the exact bytes to send. */
export interface CreateSessionOptions extends Omit<Connection, 'log'> {
  /** The exact bytes to send: already validated and stripped of comments by the caller. */
  body: string;
}

/** What iDenfy answers; only the two ids are required, every other field is shown as it comes. */
type SessionResponse = { authToken: string; scanRef: string } & Record<string, unknown>;

/**
 * Lenient on purpose: a 2xx with both ids is a created (billable) session whatever else it holds
 * (clientId null or missing, fields iDenfy adds later); everything is shown to the user as it came.
 */
function isSessionResponse(value: unknown): value is SessionResponse {
  if (!isPlainObject(value)) return false;
  const { authToken, scanRef } = value;
  return typeof authToken === 'string' && authToken !== '' && typeof scanRef === 'string' && scanRef !== '';
}

/** The outcome of one POST. `url` is the URL actually requested (absent when the base URL was refused). */
export type CreateSessionResult = IdenfyResult<SessionResponse>;

/**
 * POSTs one "Create verification session" request. Never retries: every POST that reaches
 * iDenfy creates a billable session. Never throws: every outcome is a CreateSessionResult.
 */
export function createSession(options: CreateSessionOptions): Promise<CreateSessionResult> {
  const { body, ...connection } = options;
  return idenfyRequest<SessionResponse>(connection, {
    endpoint: 'token',
    operation: CREATE_SESSION,
    body,
    accept: ({ status, text, json }) => {
      if (text.trim() === '') return { ok: false, failure: failureFromUnusableSuccess(status, 'empty') };
      if (json === undefined) return { ok: false, failure: failureFromUnusableSuccess(status, 'notJson') };
      if (!isSessionResponse(json))
        return { ok: false, failure: failureFromUnusableSuccess(status, 'noToken') };
      return { ok: true, value: json };
    },
  });
}
