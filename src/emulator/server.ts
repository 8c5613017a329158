/**
 * An offline stand-in for iDenfy's POST /api/v2/token, on a real socket. It lets users try the
 * extension without credentials or billing, and lets the tests exercise the HTTP client (and
 * its error mapping) against real network behaviour, including deliberate faults (test builds only).
 *
 * This file wires a server to the routes: token-route.ts (creating sessions), page-route.ts (the
 * verification page), sessions.ts (what the emulator remembers) and faults.ts (test-only misbehaviour).
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { applyFault, type Fault } from './faults';
import { handleRedirect } from './page-route';
import { sendError } from './respond';
import { DEFAULT_MAX_SESSIONS, SessionStore } from './sessions';
import { handleToken } from './token-route';

export type { Fault } from './faults';

const TOKEN_PATH = '/api/v2/token';
const REDIRECT_PATH = '/api/v2/redirect';
/** iDenfy bodies are tiny; the cap keeps a runaway client from filling the emulator's memory. */
const DEFAULT_MAX_REQUEST_BYTES = 2 * 1024 * 1024;

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Generated at random when absent: the emulator's credentials are throwaways. */
  apiKey?: string;
  apiSecret?: string;
  /** Serve https instead of http (the tests use this for certificate failures). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  maxRequestBytes?: number;
  /** Sessions whose verification page is kept; the oldest go first (default 1000). */
  maxSessions?: number;
}

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
  /** Test builds only; a no-op in the production bundle. */
  setFault(fault: Fault | undefined): void;
  /** Stops listening and destroys open sockets, so nothing keeps the process alive. */
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const apiKey = options.apiKey ?? randomBytes(15).toString('base64url');
  const apiSecret = options.apiSecret ?? randomBytes(24).toString('base64url');
  const events = new EventEmitter<EmulatorEvents>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const sessions = new SessionStore(options.maxSessions ?? DEFAULT_MAX_SESSIONS);
  let fault: Fault | undefined;
  let requests = 0;
  let baseUrl = '';
  const token = {
    apiKey,
    apiSecret,
    maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
    sessions,
    redirectBase: () => baseUrl,
  };

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

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
      requests++;
      events.emit('request', req);
      // Fault modes exist in test builds only (src/test-build.d.ts). The test is written out here, not
      // kept in a constant, so that esbuild sees `false` and drops the branch (and faults.ts with it).
      if ((typeof __IDENFY_TEST_BUILD__ === 'undefined' || __IDENFY_TEST_BUILD__) && fault) {
        const faultContext = {
          oversizedDone: (info: { bytesSent: number; completed: boolean }) =>
            events.emit('oversizedDone', info),
          wait,
          sessionBody: () => sessions.create({ clientId: 'emulator-reset-mid-response' }, baseUrl).response,
        };
        if (await applyFault(faultContext, fault, req, res)) return;
      }
      await handleToken(token, req, res);
      return;
    }
    if (url.pathname === REDIRECT_PATH) {
      handleRedirect(sessions, req, res, url);
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
      if (typeof __IDENFY_TEST_BUILD__ === 'undefined' || __IDENFY_TEST_BUILD__) fault = next;
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
