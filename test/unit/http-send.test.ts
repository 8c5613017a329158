/**
 * The send path (src/session/send.ts) against a real server on 127.0.0.1 whose answers each test
 * chooses: what a created session needs to be shown and recorded, what the failure log line holds,
 * and that no piece of the secret survives in a message, a log line or the history.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import fc from 'fast-check';
import { createHistoryEntry, type HistoryEntry, historyEntrySchema } from '../../src/history/entry';
import { type SendOutcome, sendRequest } from '../../src/session/send';

const API_KEY = 'key-1';
const SECRET = 'Q7X2M9K4T1Z8R5W3N6V0B2C4D8F1G3HJ';

interface Answer {
  status: number;
  headers?: OutgoingHttpHeaders;
  body: string;
}

let server: Server;
let answer: Answer;
let posts = 0;
let recorded: HistoryEntry[] = [];
let lines: string[] = [];

function send(body = '{"clientId":"sent-client","firstName":"John"}'): Promise<SendOutcome> {
  return sendRequest({
    body,
    target: {
      kind: 'idenfy',
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      apiKey: API_KEY,
      apiSecret: SECRET,
    },
    history: {
      record: async (entry) => {
        recorded.push(entry);
        return entry;
      },
    },
    timeoutMs: 5_000,
    log: (line) => lines.push(line),
  });
}

before(async () => {
  server = createServer((req, res) => {
    posts++;
    req.resume();
    req.on('end', () => {
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});
after(() => {
  server.close();
});
beforeEach(() => {
  posts = 0;
  recorded = [];
  lines = [];
});

describe('a 2xx with authToken and scanRef is a created session, whatever else it holds', () => {
  const created = { authToken: 'T'.repeat(40), scanRef: 'scan-9', expiryTime: 600 };
  for (const [label, extra] of [
    ['clientId null', { clientId: null }],
    ['clientId missing', {}],
    ['clientId a number', { clientId: 42 }],
  ] as const) {
    it(`${label}: shown, recorded, clientId taken from the request that was sent`, async () => {
      answer = { status: 201, body: JSON.stringify({ ...created, ...extra }) };
      const outcome = await send();
      assert.equal(outcome.ok, true, JSON.stringify(outcome));
      if (!outcome.ok) return;
      assert.equal(outcome.historyError, undefined);
      assert.equal(outcome.response.scanRef, 'scan-9');
      assert.equal(outcome.entry.clientId, 'sent-client');
      assert.equal(recorded.length, 1);
      assert.equal(historyEntrySchema.safeParse(recorded[0]).success, true);
      assert.equal(posts, 1);
    });
  }

  it("the response's own clientId wins when it has one", () => {
    const entry = createHistoryEntry({
      response: { ...created, clientId: 'from-answer' },
      target: 'idenfy',
      baseUrl: 'https://ivs.idenfy.com',
      clientId: 'from-request',
    });
    assert.equal(entry.clientId, 'from-answer');
  });
});

describe('the failure log line', () => {
  it("names the request id, status, iDenfy's identifier and message, on one line", async () => {
    answer = {
      status: 400,
      headers: { 'x-request-id': 'req-123' },
      body: JSON.stringify({ identifier: 'BAD_VALUE', message: "Field 'country' is not valid.\nFAKE LINE" }),
    };
    const outcome = await send();
    assert.equal(outcome.ok, false);
    assert.equal(lines.length, 1);
    assert.match(
      lines[0] ?? '',
      /^POST http:\/\/127\.0\.0\.1:\d+\/api\/v2\/token -> 400 \d+ ms requestId=req-123 identifier=BAD_VALUE message="Field 'country' is not valid\. FAKE LINE"$/,
    );
  });

  it('quotes the first 200 characters of a body that is not an iDenfy error, redacted, and never a header', async () => {
    const page = `<html>\r\n<body>Proxy says: request refused (secret ${SECRET})\u2028${'x'.repeat(400)}</body></html>`;
    answer = { status: 502, headers: { 'content-type': 'text/html', 'x-request-id': 'gw-7' }, body: page };
    await send();
    assert.equal(lines.length, 1);
    const line = lines[0] ?? '';
    assert.equal(line.split(/[\r\n\u2028\u2029]/).length, 1, line);
    assert.match(
      line,
      /-> 502 \d+ ms requestId=gw-7 cause=HTTP_502 body="<html> <body>Proxy says: request refused \(secret \[redacted\]\) x+\.\.\."$/,
    );
    const quoted = /body="(.*)"$/.exec(line)?.[1] ?? '';
    assert.equal(quoted.length, 200);
    assert.ok(!line.includes(SECRET));
    assert.ok(!/authorization|Basic /i.test(line), 'no header in the log');
  });

  it('says "no response" and the network code when nothing came back', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    await sendRequest({
      body: '{"clientId":"c"}',
      target: { kind: 'idenfy', baseUrl: `http://127.0.0.1:${port}`, apiKey: API_KEY, apiSecret: SECRET },
      history: { record: async (e) => e },
      timeoutMs: 5_000,
      log: (line) => lines.push(line),
    });
    assert.match(lines[0] ?? '', /-> no response \d+ ms cause=ECONNREFUSED$/);
  });
});

describe('a secret quoted by the server never survives in part', { timeout: 120_000 }, () => {
  /** Every 6-character piece of the secret (its raw form: the other forms are the same characters here). */
  const pieces = Array.from({ length: SECRET.length - 5 }, (_, i) => SECRET.slice(i, i + 6));
  // Lower case, blanks and punctuation only: no piece of the (upper case, digit) secret can occur by chance.
  const filler = fc.string({
    unit: fc.constantFrom(...'abcdefghij klmnop.,;-'),
    minLength: 300,
    maxLength: 420,
  });

  function assertNoPiece(texts: (string | undefined)[], where: string): void {
    for (const text of texts) {
      if (text === undefined) continue;
      const piece = pieces.find((p) => text.includes(p));
      assert.equal(piece, undefined, `${where}: "${piece}" of the secret in: ${text}`);
    }
  }

  it('at every offset of long iDenfy messages and of other error bodies', async () => {
    await fc.assert(
      fc.asyncProperty(filler, async (text) => {
        for (let at = 0; at <= text.length; at++) {
          const message = `${text.slice(0, at)}${SECRET}${text.slice(at)}`;
          for (const reply of [
            { status: 400, body: JSON.stringify({ identifier: 'BAD_VALUE', message }) },
            { status: 502, headers: { 'content-type': 'text/plain' }, body: message },
          ]) {
            answer = reply;
            lines = [];
            const outcome = await send();
            assert.equal(outcome.ok, false);
            if (outcome.ok) return;
            assertNoPiece([outcome.failure.message, outcome.failure.serverText, ...lines], `offset ${at}`);
          }
        }
        assert.equal(recorded.length, 0, 'a failure is never recorded in the history');
      }),
      { numRuns: 1, endOnFailure: true, includeErrorInReport: true },
    );
  });
});
