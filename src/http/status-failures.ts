/** Maps an HTTP answer that is not a usable session (an error status, an unreadable 2xx) to a failure. */
import { CHECK_DASHBOARD, CHECK_STATUS_FIRST, type IdenfyFailure } from './errors';
import {
  fieldFromMessage,
  isIdenfyErrorBody,
  optionFromContractMessage,
  quoteServerText,
} from './idenfy-error-body';
import { CREATE_SESSION, type Operation } from './operation';

/**
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110 10.2.3).
 * Returns whole seconds from `now`, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: Date = new Date()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

interface ErrorResponse {
  status: number;
  /** The parsed body, or undefined when it was empty or not JSON. */
  body: unknown;
  /** The body as text, quoted (start only) in the log when it is not iDenfy's error JSON. */
  text?: string;
  /** Raw Retry-After header value. */
  retryAfter?: string;
  /** Removes the API secret; applied to server text before it is shortened or quoted. */
  redact?: (text: string) => string;
  now?: Date;
}

/** iDenfy's words for a delete asked of a session whose token is still valid. */
const NOT_EXPIRED = /token has not expired/i;
/** A paginated listing's answer for a page past the end (Django REST framework's words, which iDenfy's listing uses). */
const INVALID_PAGE = /\binvalid page\b/i;
/** How a report or result is refused once the verification's personal data was deleted. */
const DATA_DELETED = /\b(?:personal )?data\b.*\bdeleted\b/i;
/** How iDenfy and gateways say a record does not exist. */
const NOT_FOUND_TEXT = /\bnot\s+(?:be\s+)?found\b|\bdoes\s+not\s+exist\b|\bdoesn't\s+exist\b|\bno\s+such\b/i;

/** Maps a non-2xx response to a failure; `operation` says which request it answered (Create Session by default). */
export function failureFromResponse(
  response: ErrorResponse,
  operation: Operation = CREATE_SESSION,
): IdenfyFailure {
  const failure = mapResponse(response, operation);
  if (operation.effect === 'create' || failure.action !== 'showProblems') return failure;
  // Only Create Session sends a document the user wrote; the lifecycle requests are built here, so a
  // refused value is not the user's to fix in a file.
  const said = failure.serverText ? ` (iDenfy said: "${failure.serverText}")` : '';
  return {
    ...failure,
    message: `iDenfy refused the ${operation.path} request (HTTP ${response.status})${said}: see the output log for details.`,
    action: 'openOutput',
  };
}

/** Django REST framework's error body is `{"detail": "..."}`. */
function detailOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const detail = (body as Record<string, unknown>).detail;
  return typeof detail === 'string' ? detail : undefined;
}

function mapResponse(response: ErrorResponse, operation: Operation): IdenfyFailure {
  const { status } = response;
  const idenfy = isIdenfyErrorBody(response.body) ? response.body : undefined;
  const identifier = idenfy?.identifier;
  const serverText = idenfy
    ? quoteServerText(idenfy.message, response.redact)
    : quoteServerText(response.text ?? '', response.redact);
  const said = idenfy && serverText ? ` (iDenfy said: "${serverText}")` : '';
  // Without iDenfy's JSON the answer most likely came from a proxy or gateway, not from iDenfy.
  const notIdenfy = idenfy ? '' : ' and the body was not an iDenfy error, so a proxy may have answered';
  const base = {
    status,
    code: identifier ?? `HTTP_${status}`,
    outcomeUnknown: false,
    ...(identifier === undefined ? {} : { identifier }),
    ...(serverText ? { serverText } : {}),
  };
  const field = idenfy ? fieldFromMessage(idenfy.message) : undefined;
  const { path, scanRef } = operation;

  // Before the generic mappings: both come as ordinary error identifiers (PARTNER_ERROR, a 404 or a 400).
  if (operation.effect === 'delete' && idenfy && NOT_EXPIRED.test(idenfy.message)) {
    return {
      ...base,
      cause: 'tokenNotExpired',
      message: `iDenfy keeps a verification's personal data while its token is valid${said}: delete it once the session has expired.`,
      action: 'none',
    };
  }
  // A page past the end of a listing is a 404 from an endpoint that exists: not a wrong base URL.
  if (
    operation.page !== undefined &&
    status === 404 &&
    INVALID_PAGE.test(idenfy?.message ?? detailOf(response.body) ?? '')
  ) {
    return {
      ...base,
      cause: 'pageNotFound',
      message: `iDenfy has no page ${operation.page} of this list (HTTP 404)${said}: the list is shorter than that, so ask for page 1 again.`,
      action: 'none',
    };
  }
  if (
    scanRef !== undefined &&
    operation.effect === 'read' &&
    idenfy &&
    status >= 400 &&
    status < 500 &&
    DATA_DELETED.test(idenfy.message)
  ) {
    return {
      ...base,
      cause: 'dataDeleted',
      message: `The personal data of verification ${JSON.stringify(scanRef)} was deleted, so there is nothing left to read${said}.`,
      action: 'none',
    };
  }
  // Only iDenfy's own JSON means "no such verification": a bare 404 is a wrong base URL or path.
  if (scanRef !== undefined && idenfy && (status === 404 || NOT_FOUND_TEXT.test(idenfy.message))) {
    return {
      ...base,
      cause: 'scanRefNotFound',
      message: `iDenfy has no verification with scanRef ${JSON.stringify(scanRef)} for these credentials${said}: check that the session was created with the same API key and base URL.`,
      action: 'none',
    };
  }

  if (status === 401 || identifier === 'UNAUTHORIZED') {
    return {
      ...base,
      cause: 'unauthorized',
      message: 'iDenfy rejected the API key or secret: set the credentials again.',
      action: 'setCredentials',
    };
  }
  if (identifier === 'MISSING_VALUE') {
    return {
      ...base,
      cause: 'missingValue',
      field,
      message: `iDenfy says a required value is missing${field ? ` ('${field}')` : ''}${said}: add it to the request and send again.`,
      action: 'showProblems',
    };
  }
  if (identifier === 'BAD_VALUE' || identifier === 'VALIDATION_ERROR') {
    return {
      ...base,
      cause: identifier === 'BAD_VALUE' ? 'badValue' : 'validationError',
      field,
      message: `iDenfy refused ${field ? `the value of '${field}'` : 'a value in the request'}${said}: fix it and send again.`,
      action: 'showProblems',
    };
  }
  if (identifier === 'JSON_ERROR') {
    return {
      ...base,
      cause: 'jsonError',
      message: `iDenfy could not read the request body as JSON${said}: fix the file's JSON and send again.`,
      action: 'showProblems',
    };
  }
  if (identifier === 'ENCODING_ERROR') {
    return {
      ...base,
      cause: 'encodingError',
      message: `iDenfy could not decode the request body${said}: save the file as UTF-8 and send again.`,
      action: 'showProblems',
    };
  }
  if (identifier === 'PARTNER_CONTRACT_ERROR') {
    const option = idenfy ? optionFromContractMessage(idenfy.message) : undefined;
    return {
      ...base,
      cause: 'contractError',
      field: option,
      message: `The request is valid but your iDenfy contract does not enable ${option ? `'${option}'` : 'an option it uses'}${said}: remove it or ask iDenfy support to enable it.`,
      action: 'none',
    };
  }
  if (status === 403 || identifier === 'PERMISSIONS_ERROR') {
    return {
      ...base,
      cause: 'permissionDenied',
      field,
      message: `iDenfy refused the request for lack of permissions (HTTP ${status})${said}${notIdenfy}: ask iDenfy support which permission the account needs.`,
      action: 'none',
    };
  }
  if (status === 404) {
    return {
      ...base,
      cause: 'notFound',
      message: `The server has no ${path} endpoint (HTTP 404)${notIdenfy}: check the iDenfy base URL in Settings.`,
      action: 'openSettings',
    };
  }
  if (status === 405 || identifier === 'METHOD_NOT_ALLOWED') {
    return {
      ...base,
      cause: 'methodNotAllowed',
      message: `The server does not accept ${operation.method} at ${path} (HTTP ${status})${notIdenfy}: check the iDenfy base URL in Settings.`,
      action: 'openSettings',
    };
  }
  if (status === 409 && operation.effect === 'create') {
    return {
      ...base,
      cause: 'duplicateClientId',
      field: field ?? 'clientId',
      message: `iDenfy already has an active session for this clientId (HTTP 409)${said}: use another clientId or wait for that session to finish.`,
      action: 'showProblems',
    };
  }
  if (status === 413) {
    return {
      ...base,
      cause: 'requestTooLarge',
      message:
        'The server refused the request body as too large (HTTP 413): make the request smaller and send again.',
      action: 'showProblems',
    };
  }
  if (status === 429 || identifier === 'TOO_MANY_REQUESTS') {
    const retryAfterSeconds = parseRetryAfter(response.retryAfter, response.now);
    const when =
      retryAfterSeconds === undefined
        ? 'wait a while'
        : `wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`;
    return {
      ...base,
      cause: 'rateLimited',
      retryAfterSeconds,
      message: `iDenfy is rate-limiting this account (HTTP ${status}): ${when} before sending again.`,
      action: 'none',
    };
  }
  if (status >= 500) {
    // A gateway error (502, 504) means the gateway lost track of a request it may already have
    // forwarded, so iDenfy may have created the session; other 5xx are iDenfy refusing it.
    // Reading twice changes nothing, so for a read a gateway error is just "try again".
    const gateway = (status === 502 || status === 504) && operation.effect !== 'read';
    const consequence =
      operation.effect === 'delete'
        ? `the personal data may have been deleted: ${CHECK_STATUS_FIRST}`
        : `a session may have been created: ${CHECK_DASHBOARD}`;
    return {
      ...base,
      cause: 'serverError',
      outcomeUnknown: gateway,
      message: gateway
        ? `A gateway failed while waiting for iDenfy (HTTP ${status}), so ${consequence}.`
        : `iDenfy had a server error (HTTP ${status})${said}${notIdenfy}: try again later.`,
      action: gateway ? 'none' : 'openOutput',
    };
  }
  return {
    ...base,
    cause: 'unexpectedStatus',
    field,
    message: `iDenfy answered with an unexpected HTTP ${status}${said}${notIdenfy}: see the output log for details.`,
    action: 'openOutput',
  };
}

/**
 * A 2xx whose body we cannot use. iDenfy answered "created", so the session exists even though
 * we have no token to show: the outcome is unknown to the user.
 */
export function failureFromUnusableSuccess(
  status: number,
  problem: 'empty' | 'notJson' | 'noToken',
): IdenfyFailure {
  const what =
    problem === 'empty'
      ? 'an empty body'
      : problem === 'notJson'
        ? 'a body that is not JSON'
        : 'no authToken or scanRef';
  return {
    cause: 'invalidSuccessBody',
    status,
    code: `HTTP_${status}`,
    outcomeUnknown: true,
    message: `The server answered HTTP ${status} with ${what}, so a session may have been created that we cannot show: ${CHECK_DASHBOARD}.`,
    action: 'openOutput',
  };
}

/**
 * A 2xx from a lifecycle endpoint whose body is not that endpoint's answer. Nothing is lost by it
 * (a read changed nothing; a delete's answer is never read), so it is a plain failure to look into.
 */
export function failureFromUnexpectedAnswer(
  status: number,
  what: string,
  operation: Operation,
): IdenfyFailure {
  return {
    cause: 'invalidSuccessBody',
    status,
    code: `HTTP_${status}`,
    outcomeUnknown: false,
    message: `The server answered HTTP ${status} to ${operation.path} with ${what}, which is not iDenfy's answer: check the base URL in Settings and see the output log.`,
    action: 'openOutput',
  };
}

export function failureTooLarge(
  limitBytes: number,
  status: number,
  operation: Operation = CREATE_SESSION,
): IdenfyFailure {
  const created = status >= 200 && status < 300 && operation.effect === 'create';
  const mib = (limitBytes / (1024 * 1024)).toFixed(limitBytes % (1024 * 1024) === 0 ? 0 : 2);
  return {
    cause: 'responseTooLarge',
    status,
    code: 'RESPONSE_TOO_LARGE',
    outcomeUnknown: created,
    message: created
      ? `The response was larger than ${mib} MiB and was not read, so a session may have been created: ${CHECK_DASHBOARD}.`
      : `The response was larger than ${mib} MiB and was not read: check the base URL in Settings, as iDenfy never sends such bodies.`,
    action: created ? 'none' : 'openSettings',
  };
}

export function failureBaseUrl(message: string): IdenfyFailure {
  return {
    cause: 'baseUrlRefused',
    code: 'BASE_URL_REFUSED',
    message,
    action: 'openSettings',
    outcomeUnknown: false,
  };
}
