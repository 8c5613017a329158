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
const { runChild } = require('./lib/child.cjs');
const { performance } = require('node:perf_hooks');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Agent, request } = require('undici');

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
    const bareSide = async () => {
      const t0 = performance.now();
      const agent = new Agent();
      const res = await request(tokenUrl, {
        method: 'POST',
        dispatcher: agent,
        headers: { authorization, 'content-type': 'application/json' },
        body: bytes,
      });
      const text = await res.body.text();
      await agent.destroy();
      const t = performance.now() - t0;
      if (res.statusCode !== 201 || text.length === 0) throw new Error(`bare request got ${res.statusCode}`);
      return t;
    };

    // Warm up by time, not by count: both sides keep getting faster for a thousand requests or so
    // while V8 optimises undici, node:http and our code, and a slow or busy machine needs longer.
    const warmUntil = performance.now() + input.warmupMs;
    let warmups = 0;
    while (warmups < input.minWarmup || performance.now() < warmUntil) {
      await sendSide();
      await bareSide();
      await wholePath();
      warmups++;
    }
    const out = { a: [], b: [], full: [] };
    const sides = [
      async () => out.a.push(await sendSide()),
      async () => out.b.push(await bareSide()),
      async () => out.full.push(await wholePath()),
    ];
    for (let i = 0; i < input.iterations; i++) {
      // Rotating order: no side always runs right after the same other one.
      for (let k = 0; k < sides.length; k++) await sides[(i + k) % sides.length]();
    }
    return { ...out, warmups };
  } finally {
    await emulator.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

runChild(main);
