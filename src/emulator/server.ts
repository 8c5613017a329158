/**
 * An offline, stateful stand-in for iDenfy on a real socket: sessions are created, finished,
 * expire and have their data deleted as iDenfy documents. It lets users try the extension without
 * credentials or billing, and lets the tests exercise the HTTP client (and its error mapping)
 * against real network behaviour, including deliberate faults (test builds only).
 *
 * This file wires a server to the routes: token-route.ts (creating sessions), result-routes.ts
 * (status, full result, deletion, PDF), identifications-route.ts (the listing), files-route.ts
 * (the result's expiring photo links), page-route.ts (the verification page and its outcome
 * buttons), sessions.ts (what the emulator remembers, with its clock), webhook-sender.ts (the
 * signed webhooks sent when a verification finishes) and faults.ts (test-only misbehaviour).
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
import type { OverallStatus } from '../model/result-vocabulary';
import { refuseMethod } from './api-request';
import { applyFault, type Fault } from './faults';
import { FILES_PREFIX, handleFile } from './files-route';
import { handleIdentifications, IDENTIFICATIONS_PATH } from './identifications-route';
import { type Outcome, OutcomeError } from './outcomes';
import { handleRedirect } from './page-route';
import { sendError } from './respond';
import { handleResult, RESULT_PATHS, type ResultPath } from './result-routes';
import { type Clock, DEFAULT_MAX_SESSIONS, SessionStore } from './sessions';
import { handleToken } from './token-route';
import { type FinishedEvent, type ForwardTarget, type WebhookEvent, WebhookSender } from './webhook-sender';

export type { Fault } from './faults';
export { OUTCOME_KINDS, type Outcome, OutcomeError } from './outcomes';
export type { FinishedEvent, ForwardTarget, WebhookEvent } from './webhook-sender';

const TOKEN_PATH = '/api/v2/token';
const REDIRECT_PATH = '/api/v2/redirect';
/** iDenfy bodies are tiny; the cap keeps a runaway client from filling the emulator's memory. */
const DEFAULT_MAX_REQUEST_BYTES = 2 * 1024 * 1024;
/** setTimeout's longest delay (about 24.8 days); a later expiry is reached in several waits. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Generated at random when absent: the emulator's credentials are throwaways. */
  apiKey?: string;
  apiSecret?: string;
  /** Serve https instead of http (the tests use this for certificate failures). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  maxRequestBytes?: number;
  /** Sessions remembered (page, status, result); the oldest go first (default 1000). */
  maxSessions?: number;
  /** The emulator's clock in milliseconds (default Date.now): tests move it to expire tokens. */
  now?: Clock;
  /** Signs the webhooks; generated at random when absent, like the API credentials. */
  webhookSigningKey?: string;
  /**
   * Where webhooks go instead of each session's callbackUrl (as `stripe listen --forward-to`):
   * https, or http on loopback. A function is asked at each delivery, so a setting can change while
   * the emulator runs; undefined or '' means the callbackUrl. A fixed URL that cannot be used throws.
   */
  forwardWebhooksTo?: ForwardTarget;
}

export interface EmulatorEvents {
  /** A POST to the token path arrived (head only); tests use it to reach the server-side socket. */
  request: [IncomingMessage];
  /** The 'oversized' fault stopped streaming: `completed` is false when the client went away. */
  oversizedDone: [{ bytesSent: number; completed: boolean }];
  /** A verification finished or expired (told whether or not a webhook is sent). */
  finished: [FinishedEvent];
  /** A webhook call ended (answered or failed): what the delivery log records. */
  webhook: [WebhookEvent];
}

export interface Emulator {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** The key the emulator signs its webhooks with (Idenfy-Signature); a secret like apiSecret. */
  readonly webhookSigningKey: string;
  /** POSTs received on the token path, faults included: lets tests prove nothing was retried. */
  readonly requests: number;
  readonly events: EventEmitter<EmulatorEvents>;
  /**
   * Finishes a verification as its page's buttons do (the editor's Complete Verification command).
   * Returns the new overall status; throws OutcomeError for an unknown scanRef or a session that
   * cannot take the outcome (already finished, expired, deleted).
   */
  complete(scanRef: string, outcome: Outcome): OverallStatus;
  /** Test builds only; a no-op in the production bundle. */
  setFault(fault: Fault | undefined): void;
  /** Stops listening, ends the webhook calls under way and destroys open sockets, so nothing keeps the process alive. */
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const apiKey = options.apiKey ?? randomBytes(15).toString('base64url');
  const apiSecret = options.apiSecret ?? randomBytes(24).toString('base64url');
  const events = new EventEmitter<EmulatorEvents>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const webhookSigningKey = options.webhookSigningKey ?? randomBytes(24).toString('base64url');
  const clock = options.now ?? Date.now;
  const sessions = new SessionStore(options.maxSessions ?? DEFAULT_MAX_SESSIONS, clock);
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

  const webhooks = new WebhookSender({
    sessions,
    signingKey: webhookSigningKey,
    forwardTo: options.forwardWebhooksTo,
    baseUrl: () => baseUrl,
    clock,
    onFinished: (event) => events.emit('finished', event),
    onWebhook: (event) => events.emit('webhook', event),
  });
  sessions.onFinished = (session) => webhooks.finished(session);

  // Expiry is noticed when the clock is read (sessions.ts); this timer reads it when nobody asks,
  // at the next expiry, so an unused session's EXPIRED webhook goes out on time. Re-armed after
  // every request, since a request may create a session or move a test's clock. Unref'd: it never
  // keeps a process alive.
  let expiryTimer: NodeJS.Timeout | undefined;
  let closed = false;
  const armExpiry = () => {
    if (expiryTimer) clearTimeout(expiryTimer);
    expiryTimer = undefined;
    const next = sessions.nextExpiry();
    if (next === undefined || closed) return;
    const delay = Math.min(Math.max(next - clock(), 0), MAX_TIMER_MS);
    expiryTimer = setTimeout(() => {
      sessions.now();
      armExpiry();
    }, delay);
    expiryTimer.unref();
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
      if (refuseMethod(req, res, 'POST')) return;
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
      await handleRedirect(sessions, req, res, url);
      return;
    }
    if ((RESULT_PATHS as readonly string[]).includes(url.pathname)) {
      if (refuseMethod(req, res, 'POST')) return;
      await handleResult({ ...token, baseUrl: () => baseUrl }, url.pathname as ResultPath, req, res);
      return;
    }
    if (url.pathname.startsWith(FILES_PREFIX)) {
      if (refuseMethod(req, res, 'GET')) return;
      handleFile(sessions, req, res, url);
      return;
    }
    if (url.pathname === IDENTIFICATIONS_PATH) {
      if (refuseMethod(req, res, 'GET')) return;
      handleIdentifications({ ...token, baseUrl: () => baseUrl }, req, res, url);
      return;
    }
    // The emulator's own identifier: iDenfy documents the 404 status but not an identifier.
    sendError(res, 404, 'NOT_FOUND', `No endpoint at ${url.pathname}.`);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res)
      .catch(() => {
        if (!res.headersSent)
          sendError(res, 500, 'INTERNAL_ERROR', 'The emulator failed to handle the request.');
        else res.destroy();
      })
      .finally(armExpiry);
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
    webhookSigningKey,
    events,
    get requests() {
      return requests;
    },
    complete(scanRef, outcome) {
      const session = sessions.byRef(scanRef);
      if (!session) throw new OutcomeError(`No verification with scanRef '${scanRef}' in this emulator run.`);
      try {
        sessions.finish(session, outcome);
      } finally {
        armExpiry();
      }
      return sessions.status(session);
    },
    setFault(next) {
      if (typeof __IDENFY_TEST_BUILD__ === 'undefined' || __IDENFY_TEST_BUILD__) fault = next;
    },
    async close() {
      closed = true;
      if (expiryTimer) clearTimeout(expiryTimer);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.all([
        webhooks.stop(),
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const socket of sockets) socket.destroy();
        }),
      ]);
    },
  };
}
