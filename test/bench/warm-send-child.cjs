// Warm Create Session overhead, in a plain `node` process as in the extension host (the bench itself
// runs under tsx, whose source-map hooks make every error stack, and undici builds one per destroyed
// connection, dearer than in VS Code): `node warm-send-child.cjs <idenfy-core.js>`, with
// { text, warmupMs, minWarmup, iterations } as JSON on stdin. Starts the bundle's emulator in this process, as the
// extension does, then times in rotating order:
//   a. the extension's send path: sendRequest (endpoint, POST, response check, log line, history entry
//      handed to an in-memory recorder);
//   b. a bare undici.request of the same bytes to the same emulator;
//   full. the whole path: prepareRequest(text) + sendRequest with the history in a real history file.
// All open a fresh undici Agent per request and destroy it after reading the body, as the extension
// does (it never reuses connections), so all pay one TCP connect. Prints { a, b, full: [ms], warmups }.
'use strict';
const { runChild, timeBareRequest, timeInterleaved } = require('./lib/child.cjs');
const { performance } = require('node:perf_hooks');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

async function main(input) {
  const core = require(path.resolve(process.argv[2]));
  const emulator = await core.startEmulator();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'idenfy-bench-history-'));
  try {
    const target = {
      kind: 'emulator',
      baseUrl: emulator.url,
      apiKey: emulator.apiKey,
      apiSecret: emulator.apiSecret,
    };
    const authorization = `Basic ${Buffer.from(`${emulator.apiKey}:${emulator.apiSecret}`).toString('base64')}`;
    const tokenUrl = `${emulator.url}/api/v2/token`;
    // One store for the whole run, as in the extension; after warm-up it sits at its 200-entry cap.
    const history = new core.HistoryStore(new core.JsonFileStorage(folder));
    const first = core.prepareRequest(input.text);
    if (!first.ok) throw new Error(`the request does not prepare: ${JSON.stringify(first.problems)}`);
    const bytes = first.body;

    const memory = { record: async (entry) => entry };
    const sendSide = async () => {
      const t0 = performance.now();
      const outcome = await core.sendRequest({
        body: bytes,
        target,
        history: memory,
        timeoutMs: 30_000,
        signal: new AbortController().signal,
        log: () => {},
      });
      const t = performance.now() - t0;
      if (!outcome.ok || outcome.historyError) throw new Error(`send failed: ${JSON.stringify(outcome)}`);
      return t;
    };
    const wholePath = async () => {
      const t0 = performance.now();
      // document.getText() is an in-memory string: nothing to read from disk.
      const prepared = core.prepareRequest(input.text);
      if (!prepared.ok) throw new Error('prepare failed');
      const outcome = await core.sendRequest({
        body: prepared.body,
        target,
        history,
        timeoutMs: 30_000,
        signal: new AbortController().signal,
        log: () => {},
      });
      const t = performance.now() - t0;
      if (!outcome.ok || outcome.historyError) throw new Error(`send failed: ${JSON.stringify(outcome)}`);
      return t;
    };
    const bareSide = () => timeBareRequest(tokenUrl, authorization, bytes, 201);
    const { send, bare, full, warmups } = await timeInterleaved(
      { send: sendSide, bare: bareSide, full: wholePath },
      input,
    );
    return { a: send, b: bare, full, warmups };
  } finally {
    await emulator.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

runChild(main);
