/**
 * Redaction for anything that leaves the HTTP layer as text (log lines, error messages).
 * The API secret authorises billable sessions, so it is scrubbed at this boundary rather than
 * trusting every caller to remember.
 */

export const REDACTED = '[redacted]';

export interface Credentials {
  apiKey?: string;
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
  if (apiKey !== undefined) {
    forms.add(basicAuthValue(apiKey, apiSecret).slice('Basic '.length));
  }
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

export interface LogLineInput {
  method: string;
  url: string;
  status?: number;
  durationMs: number;
  scanRef?: string;
  /** Failure cause code when there was no usable response. */
  cause?: string;
}

/** Query strings can carry an authToken (redirect URLs) and userinfo can carry credentials. */
function urlForLog(raw: string): string {
  // Every request logs the same endpoint: parse it once.
  if (lastLogUrl?.raw !== raw) lastLogUrl = { raw, forLog: parseForLog(raw) };
  return lastLogUrl.forLog;
}

let lastLogUrl: { raw: string; forLog: string } | undefined;

function parseForLog(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid url)';
  }
}

/** Log values come partly from the network; a newline in one must not forge a second log line. */
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;

function oneLine(value: string): string {
  return value.replace(LINE_BREAKS, ' ');
}

/**
 * Exactly one line per request. Headers and bodies are never logged: headers carry the
 * credentials and bodies carry the client's personal data.
 */
export function formatLogLine(input: LogLineInput): string {
  let line = `${oneLine(input.method.toUpperCase())} ${oneLine(urlForLog(input.url))}`;
  line += input.status === undefined ? ' -> no response' : ` -> ${input.status}`;
  line += ` ${Math.round(input.durationMs)} ms`;
  if (input.cause !== undefined) line += ` cause=${oneLine(input.cause)}`;
  if (input.scanRef !== undefined) line += ` scanRef=${oneLine(input.scanRef)}`;
  return line;
}
