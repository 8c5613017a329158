/**
 * Misbehaviours the emulator can be told to show, so the client's error handling is tested
 * against real sockets instead of mocks. A fault stays active until it is replaced or cleared.
 * Test-only: server.ts reaches this module only behind __IDENFY_TEST_BUILD__, so the production
 * bundle does not carry it.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendJson } from './respond';

export type Fault =
  /** Answer normally, but only after `ms`. */
  | { kind: 'delay'; ms: number }
  /** Read the request and never answer. */
  | { kind: 'noAnswer' }
  /** Destroy the socket as soon as the request head arrives, before reading the body. */
  | { kind: 'resetBeforeBody' }
  /** Send the headers and part of a success body, then destroy the socket. */
  | { kind: 'resetMidResponse' }
  /** Send success headers, then nothing. */
  | { kind: 'stallBody' }
  /** A proxy-style HTML error page with status 500. */
  | { kind: 'html500' }
  /** 200 with a text body. */
  | { kind: 'nonJson200' }
  /** 201 with JSON that lacks authToken. */
  | { kind: 'missingAuthToken201' }
  /** 429 TOO_MANY_REQUESTS; retryAfter goes in the Retry-After header (seconds or HTTP date). */
  | { kind: 'tooManyRequests'; retryAfter?: number | string }
  /** 201 with a chunked body of `bytes`, stopping early when the client goes away. */
  | { kind: 'oversized'; bytes: number }
  /** Any canned answer, e.g. 403 PARTNER_CONTRACT_ERROR or 409. Strings are sent as they are. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> };

export interface FaultContext {
  /** Called once when the 'oversized' fault stops streaming. */
  oversizedDone: (info: { bytesSent: number; completed: boolean }) => void;
  /** A timer the emulator clears on close. */
  wait: (ms: number) => Promise<void>;
  /** A real session's answer, for the fault that cuts one short. */
  sessionBody: () => unknown;
}

function streamOversized(ctx: FaultContext, res: ServerResponse, bytes: number): void {
  res.writeHead(201, { 'content-type': 'application/json' }); // no length: chunked, like a runaway server
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  let reported = false;
  const report = (completed: boolean) => {
    if (!reported) {
      reported = true;
      ctx.oversizedDone({ bytesSent: sent, completed });
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
export async function applyFault(
  ctx: FaultContext,
  f: Fault,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  switch (f.kind) {
    case 'delay':
      await ctx.wait(f.ms);
      return res.destroyed;
    case 'noAnswer':
      req.resume();
      return true;
    case 'resetBeforeBody':
      req.socket.destroy();
      return true;
    case 'resetMidResponse': {
      const text = JSON.stringify(ctx.sessionBody());
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
      streamOversized(ctx, res, f.bytes);
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
