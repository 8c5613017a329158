#!/usr/bin/env node
// Mode B: UI end-to-end scenarios against the packaged extension in code-server + headless chromium.
//
// Usage: node test/e2e/run-ui.mjs [--readme-screenshots] [path/to/ext.vsix] [scenario ...]
//   No .vsix argument: builds one (npm run build:prod unless vscode:prepublish exists, then npm run package).
//   README pictures go to test/e2e/.work/screenshots/ (git-ignored); --readme-screenshots (npm run
//   screenshots) writes them to images/ instead, the only way the tracked pictures change.
//   Scenarios are test/e2e/ui-<name>.mjs files (default: all of them), each exporting
//   `default async function ({ vsix, log })` that throws on failure.
// Env: IDENFY_E2E_TIMEOUT_MS (default 300000, whole run), IDENFY_E2E_USER_SETTINGS, IDENFY_E2E_VERBOSE=1.
// Exit: 0 all passed, 1 a scenario failed, 2 harness missing, 124 timeout.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { E2E_DIR, hardTimeout, log, requireInstalled } from './common.mjs';
import { closeAll, packageVsix } from './ui-driver.mjs';

requireInstalled();
const args = process.argv.slice(2).filter((a) => a !== '--readme-screenshots');
if (process.argv.includes('--readme-screenshots')) process.env.IDENFY_E2E_SCREENSHOT_DIR = 'images';
let vsix = args.find((a) => a.endsWith('.vsix'));
const wanted = args
  .filter((a) => !a.endsWith('.vsix'))
  .map((a) => a.replace(/^ui-/, '').replace(/\.mjs$/, ''));
const available = fs
  .readdirSync(E2E_DIR)
  .filter((f) => /^ui-.+\.mjs$/.test(f) && f !== 'ui-driver.mjs')
  .map((f) => f.slice(3, -4))
  .sort();
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length > 0) {
  console.error(`unknown scenario(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
const scenarios = wanted.length > 0 ? wanted : available;

const cancel = hardTimeout(
  // About 30 s per scenario on a quiet machine: allow three times that, and never less than 5 minutes.
  Number(process.env.IDENFY_E2E_TIMEOUT_MS || Math.max(300_000, scenarios.length * 90_000)),
  'UI scenarios did not finish',
  closeAll,
);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await closeAll();
    process.exit(130);
  });
}
const started = Date.now();
let failed = 0;
try {
  vsix = vsix ? path.resolve(vsix) : packageVsix();
  for (const name of scenarios) {
    const mod = await import(pathToFileURL(path.join(E2E_DIR, `ui-${name}.mjs`)).href);
    const t0 = Date.now();
    log(name, `start: ${mod.title ?? name}`);
    try {
      await mod.default({ vsix, log: (...m) => log(name, ...m) });
      log(name, `PASS (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (err) {
      failed++;
      log(name, `FAIL (${((Date.now() - t0) / 1000).toFixed(1)} s): ${err?.stack ?? err}`);
    }
  }
} catch (err) {
  failed++;
  console.error(`UI run error: ${err?.stack ?? err}`);
}
cancel();
log(
  'ui',
  `${scenarios.length - failed}/${scenarios.length} scenario(s) passed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed > 0 ? 1 : 0);
