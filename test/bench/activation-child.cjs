// One activation in a fresh Node process: `node activation-child.cjs <extension.js>`.
// require('vscode') is served by vscode-stub.cjs; prints one JSON line with the timings and with
// which heavy modules ended up loaded.
'use strict';
const { performance } = require('node:perf_hooks');
const Module = require('node:module');
const path = require('node:path');

const stub = require('./vscode-stub.cjs');
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'vscode') return stub;
  return originalLoad.call(this, request, parent, isMain);
};

async function main() {
  const extensionFile = path.resolve(process.argv[2]);
  const context = stub.createContext(path.dirname(extensionFile));
  const t0 = performance.now();
  const extension = require(extensionFile);
  const t1 = performance.now();
  await extension.activate(context);
  const t2 = performance.now();
  const loaded = Object.keys(require.cache);
  const has = (re) => loaded.filter((f) => re.test(f)).map((f) => path.basename(f));
  process.stdout.write(
    `${JSON.stringify({
      // performance.now() counts from the process's time origin, so t2 is "process start to activated".
      sinceStart: t2,
      requireMs: t1 - t0,
      activateMs: t2 - t1,
      modules: loaded.length,
      core: has(/idenfy-core\.js$/),
      zod: has(/[\\/]node_modules[\\/]zod[\\/]/),
      undici: has(/[\\/]node_modules[\\/]undici[\\/]/),
      emulator: has(/[\\/]emulator[\\/]/),
      subscriptions: context.subscriptions.length,
    })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
