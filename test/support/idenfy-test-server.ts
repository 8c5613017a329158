/**
 * A small iDenfy-shaped server on 127.0.0.1 for the lifecycle client's tests: POST /api/v2/status,
 * /api/v2/full, /api/v2/delete, /api/v2/generate-pdf and GET /kyc/identifications/, with iDenfy's
 * basic auth and `{identifier, message}` error bodies (idenfy-api-notes.md, idenfy-kyc-openapi.yml).
 * It is not the emulator (that grows its own stateful endpoints): it answers what the documentation
 * says, counts every request it receives, keeps its clock in a field the test sets, and can be told to
 * misbehave for the next requests (hang, a proxy's 502 page, an endless body, echo the credentials).
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface TestVerification {
  scanRef: string;
  clientId: string;
  /** ms since the epoch, on the server's `now` clock. */
  expiresAt: number;
  overall: string;
  deleted?: boolean;
}

export type Fault =
  /** Reads the request and never answers (until the server closes). */
  | 'hang'
  /** A gateway's HTML page with 502. */
  | 'badGateway'
  /** 200 with a body that never ends (chunked, no length), 64 KiB at a time. */
  | 'endless'
  /** An iDenfy error whose message repeats the credentials it received. */
  | 'echoCredentials';

export interface IdenfyTestServer {
  url: string;
  apiKey: string;
  apiSecret: string;
  /** Every request received, by `METHOD /path` (query left out). */
  counts: Map<string, number>;
  /** All requests received. */
  total(): number;
  verifications: Map<string, TestVerification>;
  /** The server's clock, ms since the epoch; tests move it instead of waiting. */
  now: number;
  /** Applied to every request while set. */
  fault: Fault | undefined;
  /** Resolves when the next request has arrived (its body read). */
  nextRequest(): Promise<void>;
  close(): Promise<void>;
}

/** A one-page PDF with a correct cross-reference table: small, but a real PDF. */
export function tinyPdf(text = 'iDenfy test report'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 12 Tf 20 50 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-request-id': `req-${Math.random().toString(16).slice(2)}`,
  });
  res.end(text);
}

function error(res: ServerResponse, status: number, identifier: string, message: string, extra = {}): void {
  json(res, status, { identifier, message, ...extra });
}

export async function startIdenfyTestServer(
  options: { apiKey?: string; apiSecret?: string } = {},
): Promise<IdenfyTestServer> {
  const apiKey = options.apiKey ?? 'test-key-1';
  const apiSecret = options.apiSecret ?? 'CANARY-s3cr3t-7f2d91c4e8ab';
  const authorization = `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`;
  const sockets = new Set<Socket>();
  let waiters: Array<() => void> = [];

  const state: IdenfyTestServer = {
    url: '',
    apiKey,
    apiSecret,
    counts: new Map(),
    total: () => [...state.counts.values()].reduce((a, b) => a + b, 0),
    verifications: new Map(),
    now: Date.parse('2026-01-01T12:00:00Z'),
    fault: undefined,
    nextRequest: () => new Promise((resolve) => waiters.push(resolve)),
    close: async () => {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close');
    },
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://test.invalid');
    const key = `${req.method} ${url.pathname}`;
    state.counts.set(key, (state.counts.get(key) ?? 0) + 1);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const woken = waiters;
    waiters = [];
    for (const w of woken) w();
    handle(req, res, url, Buffer.concat(chunks).toString('utf8'));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function handle(req: IncomingMessage, res: ServerResponse, url: URL, body: string): void {
    switch (state.fault) {
      case 'hang':
        return;
      case 'badGateway':
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        return;
      case 'endless': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) {}
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
        return;
      }
      case 'echoCredentials':
        error(
          res,
          400,
          'BAD_VALUE',
          `Field 'scanRef' is invalid; you sent ${req.headers.authorization} (${apiKey}:${apiSecret})`,
        );
        return;
    }
    if (req.headers.authorization !== authorization) {
      error(res, 401, 'UNAUTHORIZED', 'Invalid API key or secret.');
      return;
    }
    if (req.method === 'GET' && url.pathname === '/kyc/identifications/') {
      list(res, url);
      return;
    }
    const route = ['/api/v2/status', '/api/v2/full', '/api/v2/delete', '/api/v2/generate-pdf'].includes(
      url.pathname,
    );
    if (!route) {
      error(res, 404, 'NOT_FOUND', 'Not found.');
      return;
    }
    if (req.method !== 'POST') {
      error(res, 405, 'METHOD_NOT_ALLOWED', `Method "${req.method}" not allowed.`);
      return;
    }
    let parsed: { scanRef?: unknown; language?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      error(res, 400, 'JSON_ERROR', 'Could not parse JSON.');
      return;
    }
    if (typeof parsed.scanRef !== 'string' || parsed.scanRef === '') {
      error(res, 400, 'MISSING_VALUE', "Field 'scanRef' is required.");
      return;
    }
    const v = state.verifications.get(parsed.scanRef);
    if (!v) {
      error(res, 404, 'NOT_FOUND', 'Verification was not found.');
      return;
    }
    const expired = state.now >= v.expiresAt;
    const overall = v.deleted ? 'DELETED' : expired && v.overall === 'ACTIVE' ? 'EXPIRED' : v.overall;
    switch (url.pathname) {
      case '/api/v2/status':
        json(res, 200, {
          fraudTags: [],
          mismatchTags: [],
          autoDocument: overall === 'APPROVED' ? 'DOC_VALIDATED' : null,
          autoFace: overall === 'APPROVED' ? 'FACE_MATCH' : null,
          manualDocument: null,
          manualFace: null,
          scanRef: v.scanRef,
          clientId: v.clientId,
          status: overall,
          addedLater: { kept: true },
        });
        return;
      case '/api/v2/full':
        json(res, 200, {
          final: false,
          platform: 'PC',
          status: {
            overall,
            suspicionReasons: [],
            fraudTags: [],
            mismatchTags: [],
            autoDocument: 'DOC_VALIDATED',
            autoFace: 'FACE_MATCH',
            manualDocument: null,
            manualFace: null,
          },
          data: { docFirstName: 'JOHN', docLastName: 'SMITH' },
          fileUrls: { FRONT: `${state.url}/files/front.png` },
          scanRef: v.scanRef,
          clientId: v.clientId,
        });
        return;
      case '/api/v2/delete':
        if (!expired) {
          error(res, 400, 'PARTNER_ERROR', 'Token has not expired yet.', { severity: 'NOT_SEVERE' });
          return;
        }
        v.deleted = true;
        res.writeHead(200);
        res.end();
        return;
      case '/api/v2/generate-pdf':
        json(res, 200, { pdf: tinyPdf(`${v.scanRef} ${parsed.language ?? 'en'}`).toString('base64') });
        return;
    }
  }

  /** Django REST framework's page-number pagination, as iDenfy's OpenAPI shows it. */
  function list(res: ServerResponse, url: URL): void {
    const clientId = url.searchParams.get('clientId');
    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Number(url.searchParams.get('perPage') ?? '10');
    const rows = [...state.verifications.values()].filter(
      (v) => clientId === null || v.clientId === clientId,
    );
    const pages = Math.max(1, Math.ceil(rows.length / perPage));
    if (!Number.isInteger(page) || page < 1 || page > pages) {
      error(res, 404, 'NOT_FOUND', 'Invalid page.');
      return;
    }
    const link = (p: number) => {
      const u = new URL(`${state.url}/kyc/identifications/`);
      if (clientId !== null) u.searchParams.set('clientId', clientId);
      if (p > 1) u.searchParams.set('page', String(p));
      u.searchParams.set('perPage', String(perPage));
      return u.href;
    };
    json(res, 200, {
      count: rows.length,
      next: page < pages ? link(page + 1) : null,
      previous: page > 1 ? link(page - 1) : null,
      results: rows.slice((page - 1) * perPage, page * perPage).map((v) => ({
        scanRef: v.scanRef,
        status: v.deleted ? 'DELETED' : v.overall,
        suspected: v.overall === 'SUSPECTED',
      })),
    });
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
