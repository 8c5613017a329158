/**
 * Reliability, bad documents: whatever is in a *.idenfy.json file, "Create Session" gives a clear
 * message and sends nothing, or sends exactly the request that was checked. Each input goes through
 * prepareRequest and through the command's path without its UI (prepare, then sendRequest) against
 * the emulator on 127.0.0.1, which must see no POST at all.
 *
 * Deeper, reader-level cases (offsets, line and column numbers, the problem cap) are in
 * jsonc-request-text.test.ts; this file is the end-to-end proof for each kind of bad input.
 */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { type Emulator, startEmulator } from '../../src/emulator/server';
import { HistoryStore } from '../../src/history/store';
import { MAX_NESTING_DEPTH, MAX_REQUEST_BYTES } from '../../src/jsonc/request-text';
import { type Prepared, prepareRequest } from '../../src/session/prepare';
import { emulatorTarget, MapStorage, recordBodies, sendThrough, submitText } from '../support/reliability';

let emu: Emulator;
let storage: MapStorage;
let history: HistoryStore;
let badInputsTried = 0;
let acceptedInputsTried = 0;

beforeEach(async () => {
  emu = await startEmulator();
  storage = new MapStorage();
  history = new HistoryStore(storage);
});
afterEach(async () => {
  await emu.close();
});
after(() => {
  console.log(
    `reliability: bad inputs tried ${badInputsTried} (none sent); accepted inputs tried ${acceptedInputsTried} (each sent exactly as checked)`,
  );
});

/** prepareRequest must answer, never throw, whatever the text. */
function prepare(text: string): Prepared {
  let prepared: Prepared | undefined;
  assert.doesNotThrow(() => {
    prepared = prepareRequest(text);
  });
  if (!prepared) throw new Error('unreachable');
  return prepared;
}

/**
 * The whole proof for one bad input: refused by prepareRequest with a message that says what is
 * wrong, and refused on the command's path before any byte reaches the emulator.
 */
async function assertRefused(text: string, message: RegExp): Promise<void> {
  badInputsTried++;
  const prepared = prepare(text);
  assert.equal(prepared.ok, false, 'the document was accepted');
  if (prepared.ok) return;
  assert.ok(prepared.problems.length > 0, 'refused without a problem to show');
  for (const p of prepared.problems) {
    assert.ok(p.message.trim().length > 0, 'a problem has no message');
    assert.equal(p.source, 'document', `not reported as a problem of the text: ${p.message}`);
    assert.ok(p.offset >= 0 && p.offset <= text.length, `offset ${p.offset} is outside the text`);
  }
  assert.ok(
    prepared.problems.some((p) => message.test(p.message)),
    `no message matches ${message}: ${prepared.problems.map((p) => p.message).join(' | ')}`,
  );

  const submitted = await submitText(text, emulatorTarget(emu), history);
  assert.equal(submitted.stage, 'prepare', 'the command path sent the document');
  assert.equal(emu.requests, 0, 'a request reached the server');
  assert.equal(history.list().length, 0);
  assert.equal(storage.writes.length, 0, 'the history was written');
}

const EMPTY = /no request in it/;
const SYNTAX = /./; // the exact wording is tested in jsonc-request-text.test.ts; any message will do here
const NOT_OBJECT = /must be a JSON object \{\.\.\.\}, but this is/;

describe('bad documents are refused with a message and never sent', { timeout: 30_000 }, () => {
  test('empty file', async () => {
    await assertRefused('', EMPTY);
  });

  test('whitespace only', async () => {
    await assertRefused(' \n\t\r\n   \n', EMPTY);
  });

  test('comments only', async () => {
    await assertRefused('// a request goes here\n/* later */\n', EMPTY);
  });

  test('a BOM alone', async () => {
    await assertRefused('\uFEFF', EMPTY);
  });

  test('not JSON (prose)', async () => {
    await assertRefused('Please create a session for client 100000.', SYNTAX);
  });

  test('not JSON (YAML-like)', async () => {
    await assertRefused('clientId: 100000\nfirstName: John\n', SYNTAX);
  });

  test('not JSON (an unclosed object)', async () => {
    await assertRefused('{"clientId": "100000",', SYNTAX);
  });

  test('a JSON array at the top', async () => {
    await assertRefused('[{"clientId": "100000"}]', /but this is an array/);
  });

  test('a JSON string at the top', async () => {
    await assertRefused('"100000"', /but this is a string/);
  });

  test('a JSON number at the top', async () => {
    await assertRefused('100000', /but this is a number/);
  });

  test('null at the top', async () => {
    await assertRefused('null', NOT_OBJECT);
  });

  test('true at the top', async () => {
    await assertRefused('true', NOT_OBJECT);
  });

  test('duplicate keys with different values', async () => {
    const text = '{\n  "clientId": "user-a",\n  "firstName": "John",\n  "clientId": "user-b"\n}';
    await assertRefused(text, /The key "clientId" appears more than once/);
    const prepared = prepare(text);
    assert.equal(prepared.ok, false);
    if (prepared.ok) return;
    // Both occurrences are flagged and each points at the other: the user has to choose one.
    assert.deepEqual(
      prepared.problems.map((p) => text.slice(p.offset, p.offset + p.length)),
      ['"clientId"', '"clientId"'],
    );
    assert.match(prepared.problems[0]?.message ?? '', /also at line 4, column 3/);
    assert.match(prepared.problems[1]?.message ?? '', /also at line 2, column 3/);
    assert.match(prepared.problems[0]?.message ?? '', /only one of them can be sent/);

    // Resolved (the user keeps "user-b"): now it is sent, with the value the user chose.
    const bodies = recordBodies(emu);
    const resolved = '{\n  "clientId": "user-b",\n  "firstName": "John"\n}';
    const submitted = await submitText(resolved, emulatorTarget(emu), history);
    assert.equal(submitted.stage, 'send');
    assert.equal(emu.requests, 1);
    await bodies.done();
    assert.equal(bodies.bodies[0]?.toString('utf8'), '{"clientId":"user-b","firstName":"John"}');
  });

  test('duplicate keys nested in additionalData', async () => {
    await assertRefused(
      '{"clientId": "x", "additionalSteps": null, "additionalData": {"ref": 1, "ref": 2}}',
      /The key "ref" appears more than once in "additionalData"/,
    );
  });

  test('a 10 MB file', async () => {
    const blob = 'a'.repeat(10 * 1024 * 1024);
    const text = `{"clientId": "x", "additionalSteps": null, "additionalData": {"blob": "${blob}"}}`;
    assert.ok(Buffer.byteLength(text) > MAX_REQUEST_BYTES);
    const started = performance.now();
    await assertRefused(text, /10\.0 MB, over the 5\.0 MB limit/);
    const ms = performance.now() - started;
    // Prepared twice above (directly and on the command path); neither parses the text.
    assert.ok(ms < 2_000, `took ${ms.toFixed(0)} ms`);
  });

  test('1,000-deep nesting inside additionalData', async () => {
    const text = `{"clientId": "x", "additionalData": ${'{"a": '.repeat(1000)}1${'}'.repeat(1000)}}`;
    await assertRefused(text, new RegExp(`nested more than ${MAX_NESTING_DEPTH} levels deep`));
  });

  test('100,000 open brackets', async () => {
    await assertRefused(`{"clientId": "x", "additionalData": ${'['.repeat(100_000)}`, /levels deep/);
  });

  test('invalid UTF-8 bytes inside a string (0xff 0xfe decoded as utf8)', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"clientId": "caf', 'utf8'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}', 'utf8'),
    ]);
    const text = bytes.toString('utf8');
    assert.ok(text.includes('\uFFFD'), 'the decoder replaced the bad bytes');
    await assertRefused(text, /bytes that are not valid UTF-8/);
  });

  test('invalid UTF-8 bytes outside any string', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"clientId": "x"', 'utf8'),
      Buffer.from([0xff]),
      Buffer.from('}'),
    ]);
    await assertRefused(bytes.toString('utf8'), /bytes that are not valid UTF-8/);
  });

  test('a lone surrogate escaped in a string', async () => {
    await assertRefused('{"clientId": "\\ud800"}', /half of a surrogate pair/);
  });

  test('a request the model refuses (no clientId) is not sent either', async () => {
    // Not a broken text, but the same promise: nothing is sent until the request is valid.
    badInputsTried++;
    const prepared = prepare('{"firstName": "John"}');
    assert.equal(prepared.ok, false);
    if (!prepared.ok)
      assert.deepEqual(
        prepared.problems.map((p) => p.source),
        ['model'],
      );
    const submitted = await submitText('{"firstName": "John"}', emulatorTarget(emu), history);
    assert.equal(submitted.stage, 'prepare');
    assert.equal(emu.requests, 0);
  });
});

describe('documents that are accepted are sent exactly as checked', { timeout: 30_000 }, () => {
  test('a UTF-8 BOM before a valid request', async () => {
    acceptedInputsTried++;
    const text = '\uFEFF{"clientId": "bom-user", "firstName": "John"}';
    const prepared = prepare(text);
    assert.equal(prepared.ok, true, JSON.stringify(prepared));
    if (!prepared.ok) return;
    assert.equal(prepared.body, '{"clientId":"bom-user","firstName":"John"}');
    assert.ok(!prepared.body.includes('\uFEFF'));

    const bodies = recordBodies(emu);
    const submitted = await submitText(text, emulatorTarget(emu), history);
    assert.equal(submitted.stage, 'send');
    if (submitted.stage !== 'send') return;
    assert.equal(submitted.outcome.ok, true, JSON.stringify(submitted.outcome));
    await bodies.done();
    const received = bodies.bodies[0] ?? Buffer.alloc(0);
    assert.notDeepEqual([...received.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM reached the server');
    assert.equal(received.toString('utf8'), prepared.body);
  });

  test('comments and trailing commas', async () => {
    acceptedInputsTried++;
    const text = [
      '// iDenfy request, see the docs',
      '{',
      '  /* who */ "clientId": "commented", // the partner id',
      '  "documents": ["PASSPORT", "ID_CARD",],',
      '  "locale": "en", /* trailing comma next */',
      '}',
      '',
    ].join('\n');
    const prepared = prepare(text);
    assert.equal(prepared.ok, true, JSON.stringify(prepared));
    if (!prepared.ok) return;
    assert.equal(prepared.body, '{"clientId":"commented","documents":["PASSPORT","ID_CARD"],"locale":"en"}');

    const bodies = recordBodies(emu);
    const submitted = await submitText(text, emulatorTarget(emu), history);
    assert.equal(submitted.stage === 'send' && submitted.outcome.ok, true);
    await bodies.done();
    const received = bodies.bodies[0]?.toString('utf8') ?? '';
    assert.equal(received, prepared.body);
    assert.doesNotMatch(received, /\/\/|\/\*|,\s*[}\]]/, 'a comment or trailing comma was sent');
    assert.equal(history.list()[0]?.clientId, 'commented');
  });

  test('a file whose text changes while the request is in flight', async () => {
    // What the user validated: JSONC text A. Its body is what must reach the server.
    const A = '{\n  // snapshot\n  "clientId": "snapshot-A",\n  "firstName": "Anna",\n}';
    const B = '{"clientId": "changed-B", "firstName": "Bob", "lastName": "Changed"}';
    const document = { text: A, getText: () => document.text };
    acceptedInputsTried++;

    const prepared = prepare(document.getText());
    assert.equal(prepared.ok, true);
    if (!prepared.ok) return;
    // The body is the checked text, not the model's output with its defaults filled in.
    assert.equal(prepared.body, '{"clientId":"snapshot-A","firstName":"Anna"}');

    const bodies = recordBodies(emu);
    let changedWhileArriving = false;
    emu.events.once('request', () => {
      // The POST is on the server and the client is waiting: the user edits (and saves) the file.
      document.text = B;
      changedWhileArriving = true;
    });
    const pending = sendThrough(emulatorTarget(emu), history, prepared.body);
    document.text = `${B}\n`; // edited again right after Send was pressed
    const { outcome } = await pending;
    await bodies.done();

    assert.equal(changedWhileArriving, true);
    assert.equal(document.getText(), B, 'the document did change during the request');
    assert.equal(emu.requests, 1);
    assert.equal(bodies.bodies[0]?.toString('utf8'), '{"clientId":"snapshot-A","firstName":"Anna"}');
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    if (!outcome.ok) return;
    assert.equal(outcome.response.clientId, 'snapshot-A');
    assert.equal(outcome.entry.clientId, 'snapshot-A');
    assert.equal(outcome.response.firstName, 'ANNA');
  });
});
