// The first Create Session in a fresh process: `node cold-send-child.cjs <idenfy-core.js>`, with
// the emulator's URL and credentials and the request text on stdin (JSON). Times require of the
// production core bundle + prepareRequest + sendRequest (POST, parse, history record), as the user
// waits for them on the first Create Session after activation. Prints one JSON line.
'use strict';
const { runChild } = require('./lib/child.cjs');
const { performance } = require('node:perf_hooks');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

async function main(input) {
  const coreFile = path.resolve(process.argv[2]);
  // The extension's own storage: the history file in a fresh global-storage folder.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'idenfy-bench-history-'));

  const t0 = performance.now();
  const core = require(coreFile);
  const t1 = performance.now();
  const prepared = core.prepareRequest(input.text);
  if (!prepared.ok) throw new Error(`request not valid: ${JSON.stringify(prepared.problems)}`);
  const t2 = performance.now();
  const history = new core.HistoryStore(new core.JsonFileStorage(folder));
  const abort = new AbortController();
  const outcome = await core.sendRequest({
    body: prepared.body,
    target: { kind: 'emulator', baseUrl: input.url, apiKey: input.apiKey, apiSecret: input.apiSecret },
    history,
    timeoutMs: 30_000,
    signal: abort.signal,
    log: () => {},
  });
  const t3 = performance.now();
  if (!outcome.ok) throw new Error(`send failed: ${JSON.stringify(outcome.failure)}`);
  fs.rmSync(folder, { recursive: true, force: true });
  return { totalMs: t3 - t0, requireMs: t1 - t0, prepareMs: t2 - t1, sendMs: t3 - t2, sinceStart: t3 };
}

runChild(main);
