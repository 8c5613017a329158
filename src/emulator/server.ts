/**
 * An offline stand-in for iDenfy's POST /api/v2/token, on a real socket. It lets users try the
 * extension without credentials or billing, and lets the tests exercise the HTTP client (and
 * its error mapping) against real network behaviour, including deliberate faults.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { validateRequest } from '../model/validate';
import type { Fault } from './faults';
import { renderSessionPage, renderUnknownSessionPage } from './redirect-page';
import { buildSessionResponse } from './session-response';

export type { Fault } from './faults';

export const TOKEN_PATH = '/api/v2/token';
export const REDIRECT_PATH = '/api/v2/redirect';
/** iDenfy bodies are tiny; the cap keeps a runaway client from filling the emulator's memory. */
export const DEFAULT_MAX_REQUEST_BYTES = 2 * 1024 * 1024;

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Generated at random when absent: the emulator's credentials are throwaways. */
  apiKey?: string;
  apiSecret?: string;
  /** Serve https instead of http (the tests use this for certificate failures). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  maxRequestBytes?: number;
  /** Sessions whose verification page is kept; the oldest go first (default DEFAULT_MAX_SESSIONS). */
  maxSessions?: number;
}

/**
 * The emulator can run for as long as VS Code does: it keeps the newest sessions' pages, not all of
 * them. Five times the history's 200 entries, so every session the history shows still has its page.
 */
export const DEFAULT_MAX_SESSIONS = 1000;

export interface EmulatorEvents {
  /** A POST to the token path arrived (head only); tests use it to reach the server-side socket. */
  request: [IncomingMessage];
  /** The 'oversized' fault stopped streaming: `completed` is false when the client went away. */
  oversizedDone: [{ bytesSent: number; completed: boolean }];
}

export interface Emulator {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** POSTs received on the token path, faults included: lets tests prove nothing was retried. */
  readonly requests: number;
  readonly events: EventEmitter<EmulatorEvents>;
  setFault(fault: Fault | undefined): void;
  /** Stops listening and destroys open sockets, so nothing keeps the process alive. */
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-request-id': randomUUID(),
    ...headers,
  });
  res.end(text);
}

function sendError(
  res: ServerResponse,
  status: number,
  identifier: string,
  message: string,
  headers?: Record<string, string>,
): void {
  sendJson(res, status, { identifier, message }, headers);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    // The page shows user-supplied values; forbid any active content as a second line of defence.
    'content-security-policy': "default-src 'none'",
    'x-content-type-options': 'nosniff',
  });
  res.end(html);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time on equal-length digests, so the comparison leaks neither content nor length. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

function authorised(header: string | undefined, apiKey: string, apiSecret: string): boolean {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m?.[1]) return false;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  // Both halves are always compared, so a wrong key takes as long as a wrong secret.
  const keyOk = sameSecret(decoded.slice(0, colon), apiKey);
  const secretOk = sameSecret(decoded.slice(colon + 1), apiSecret);
  return keyOk && secretOk;
}

type BodyRead = { kind: 'ok'; bytes: Buffer } | { kind: 'tooLarge' } | { kind: 'gone' };

function readBody(req: IncomingMessage, cap: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > cap) {
      resolve({ kind: 'tooLarge' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyRead) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        req.pause();
        settle({ kind: 'tooLarge' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => settle({ kind: 'ok', bytes: Buffer.concat(chunks) }));
    req.on('close', () => settle({ kind: 'gone' }));
  });
}

/** Where a top-level property is named in an issue path, iDenfy-style. */
function topLevelName(path: (string | number)[]): string | undefined {
  const first = path[0];
  return first === undefined ? undefined : String(first);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const apiKey = options.apiKey ?? randomBytes(15).toString('base64url');
  const apiSecret = options.apiSecret ?? randomBytes(24).toString('base64url');
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
  const events = new EventEmitter<EmulatorEvents>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const sessions = new Map<string, Json>();
  let fault: Fault | undefined;
  let requests = 0;
  let baseUrl = '';

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  function createSession(request: Json): Json {
    const session = buildSessionResponse(request, baseUrl);
    sessions.set(session.authToken, session);
    // A Map iterates in insertion order: the first key is the oldest session.
    if (sessions.size > maxSessions) sessions.delete(sessions.keys().next().value as string);
    return session;
  }

  function streamOversized(res: ServerResponse, bytes: number): void {
    res.writeHead(201, { 'content-type': 'application/json' }); // no length: chunked, like a runaway server
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    let reported = false;
    const report = (completed: boolean) => {
      if (!reported) {
        reported = true;
        events.emit('oversizedDone', { bytesSent: sent, completed });
      }
    };
    res.on('close', () => report(sent >= bytes));
    const pump = () => {
      // Honour backpressure: a client that stops reading must stop us producing.
      while (sent < bytes && !res.destroyed) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    pump();
  }

  /** Applies a fault; returns true when the fault has taken over the answer. */
  async function applyFault(f: Fault, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    switch (f.kind) {
      case 'delay':
        await wait(f.ms);
        return res.destroyed;
      case 'noAnswer':
        req.resume();
        return true;
      case 'resetBeforeBody':
        req.socket.destroy();
        return true;
      case 'resetMidResponse': {
        const text = JSON.stringify(createSession({ clientId: 'emulator-reset-mid-response' }));
        res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.write(text.slice(0, Math.floor(text.length / 2)), () => req.socket.destroy());
        return true;
      }
      case 'stallBody':
        res.writeHead(201, { 'content-type': 'application/json', 'content-length': '1000' });
        res.flushHeaders();
        return true;
      case 'html500':
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end('<html><body><h1>500 Internal Server Error</h1></body></html>');
        return true;
      case 'nonJson200':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('OK');
        return true;
      case 'missingAuthToken201':
        sendJson(res, 201, { message: 'Token created successfully', scanRef: randomUUID(), clientId: null });
        return true;
      case 'tooManyRequests':
        sendError(
          res,
          429,
          'TOO_MANY_REQUESTS',
          'Request was throttled.',
          f.retryAfter === undefined ? {} : { 'retry-after': String(f.retryAfter) },
        );
        return true;
      case 'oversized':
        streamOversized(res, f.bytes);
        return true;
      case 'status': {
        const text = typeof f.body === 'string' ? f.body : f.body === undefined ? '' : JSON.stringify(f.body);
        res.writeHead(f.status, {
          'content-type': typeof f.body === 'string' ? 'text/plain' : 'application/json',
          'content-length': Buffer.byteLength(text),
          ...f.headers,
        });
        res.end(text);
        return true;
      }
    }
  }

  async function handleToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requests++;
    events.emit('request', req);
    const active = fault;
    if (active && (await applyFault(active, req, res))) return;

    const read = await readBody(req, maxRequestBytes);
    if (read.kind === 'gone') return;
    if (read.kind === 'tooLarge') {
      // The emulator's own identifier: iDenfy documents none for this case.
      sendError(res, 413, 'REQUEST_TOO_LARGE', `Request body is larger than ${maxRequestBytes} bytes.`, {
        connection: 'close',
      });
      return;
    }
    if (!authorised(req.headers.authorization, apiKey, apiSecret)) {
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
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
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
    sendJson(res, 201, createSession(validation.data as Json));
  }

  function handleRedirect(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'METHOD_NOT_ALLOWED', `Method "${req.method}" not allowed.`, { allow: 'GET' });
      return;
    }
    const token = url.searchParams.get('authToken') ?? '';
    const session = sessions.get(token);
    if (session) sendHtml(res, 200, renderSessionPage(session));
    else sendHtml(res, 404, renderUnknownSessionPage(token));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Faults destroy sockets on purpose; the resulting stream errors are expected, not crashes.
    req.on('error', () => {});
    res.on('error', () => {});
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    if (url.pathname === TOKEN_PATH) {
      if (req.method !== 'POST') {
        sendError(res, 405, 'METHOD_NOT_ALLOWED', `Method "${req.method}" not allowed.`, { allow: 'POST' });
        return;
      }
      await handleToken(req, res);
      return;
    }
    if (url.pathname === REDIRECT_PATH) {
      handleRedirect(req, res, url);
      return;
    }
    // The emulator's own identifier: iDenfy documents the 404 status but not an identifier.
    sendError(res, 404, 'NOT_FOUND', `No endpoint at ${url.pathname}.`);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent)
        sendError(res, 500, 'INTERNAL_ERROR', 'The emulator failed to handle the request.');
      else res.destroy();
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, onRequest)
    : createHttpServer(onRequest);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the emulator accepts any caller's requests and is never meant to be reachable.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    apiKey,
    apiSecret,
    events,
    get requests() {
      return requests;
    },
    setFault(next) {
      fault = next;
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
