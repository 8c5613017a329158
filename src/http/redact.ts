/**
 * Redaction for anything that leaves the HTTP layer as text (log lines, error messages).
 * The API secret authorises billable sessions, so it is scrubbed at this boundary rather than
 * trusting every caller to remember.
 */

export const REDACTED = '[redacted]';

/** The API key pair. The one declaration: the editor's credential store uses this type too. */
export interface Credentials {
  apiKey: string;
  apiSecret: string;
}

/** The value of the basic-auth header for a key pair, exactly as sent on the wire. */
export function basicAuthValue(apiKey: string, apiSecret: string): string {
  return `Basic ${Buffer.from(`${apiKey}:${apiSecret}`, 'utf8').toString('base64')}`;
}

/**
 * Every spelling in which the secret could end up in a string: raw, JSON-escaped, URL-encoded,
 * and inside the base64 basic-auth token (which decodes to key:secret, so it is as sensitive).
 */
function secretForms(credentials: Credentials): string[] {
  const { apiKey, apiSecret } = credentials;
  // Derived on every call, not kept: a cache would hold the secret after the credentials are cleared.
  if (apiSecret.length === 0) return [];
  const forms = new Set<string>([
    apiSecret,
    JSON.stringify(apiSecret).slice(1, -1),
    encodeURIComponent(apiSecret),
  ]);
  forms.add(basicAuthValue(apiKey, apiSecret).slice('Basic '.length));
  // Longest first, so a form that contains another is removed whole, not left half-visible.
  return [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
}

/** Removes the API secret (and the basic-auth token derived from it) from a string. */
export function redactSecret(text: string, credentials: Credentials): string {
  let out = text;
  for (const form of secretForms(credentials)) {
    // Nearly every text holds no secret: look before splitting, which allocates.
    if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  return out;
}

interface LogLineInput {
  method: string;
  /** The URL actually requested; logged without query or user info. */
  url: URL;
  status?: number;
  durationMs: number;
  requestId?: string;
  scanRef?: string;
  /** Failure code when the answer was not iDenfy's error JSON: HTTP_<status> or a network error code. */
  cause?: string;
  /** iDenfy's error identifier, when the body was iDenfy's error JSON. */
  identifier?: string;
  /** iDenfy's message, or the start of another error body; already redacted and shortened. */
  serverText?: string;
}

/** Log values come partly from the network; a newline in one must not forge a second log line. */
const LINE_BREAKS = /[\r\n\u2028\u2029\u0085\v\f]+/g;

function oneLine(value: string): string {
  return value.replace(LINE_BREAKS, ' ');
}

/** Free text is quoted and ids lose their blanks, so no value can pass itself off as another field. */
function quoted(value: string): string {
  return JSON.stringify(oneLine(value));
}

function token(value: string): string {
  return oneLine(value).replace(/\s/g, '_');
}

/**
 * Exactly one line per request. Headers and bodies are never logged: headers carry the
 * credentials and bodies carry the client's personal data. A failure names what a user needs to
 * act: the request id, iDenfy's identifier and message, or the start of a body that is not iDenfy's.
 */
export function formatLogLine(input: LogLineInput): string {
  const { url } = input;
  let line = `${oneLine(input.method.toUpperCase())} ${oneLine(`${url.protocol}//${url.host}${url.pathname}`)}`;
  line += input.status === undefined ? ' -> no response' : ` -> ${input.status}`;
  line += ` ${Math.round(input.durationMs)} ms`;
  if (input.requestId !== undefined) line += ` requestId=${token(input.requestId)}`;
  if (input.scanRef !== undefined) line += ` scanRef=${token(input.scanRef)}`;
  if (input.identifier !== undefined) line += ` identifier=${token(input.identifier)}`;
  else if (input.cause !== undefined) line += ` cause=${token(input.cause)}`;
  if (input.serverText)
    line += ` ${input.identifier !== undefined ? 'message' : 'body'}=${quoted(input.serverText)}`;
  return line;
}
