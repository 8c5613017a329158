// Entry of the integration suite, run inside the VS Code extension host.
// The same bundle (out/test/integration/index.js, built by `npm run build`) is used by
// test/e2e/run-extension-tests.mjs (code-server + chromium, offline) and by
// test/e2e/run-electron.mjs (@vscode/test-electron, needs internet).
//
// esbuild bundles this file with every test file, so the test files are listed here explicitly:
// ADD EVERY NEW test/integration/*.test.ts TO `testModules` BELOW (run() fails if one is missing).
// Test files use mocha's BDD globals (describe / it / before / after ...).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** Each entry registers its suites when called; `require` runs the bundled module on first call. */
const testModules: Record<string, () => unknown> = {
  'smoke.test.ts': () => require('./smoke.test'),
  'validation.test.ts': () => require('./validation.test'),
  'create-session.test.ts': () => require('./create-session.test'),
  'reliability.test.ts': () => require('./reliability.test'),
  'proxy.test.ts': () => require('./proxy.test'),
  'editor-trust.test.ts': () => require('./editor-trust.test'),
  'lifecycle.test.ts': () => require('./lifecycle.test'),
  'webhooks.test.ts': () => require('./webhooks.test'),
  'webhook-fixtures.test.ts': () => require('./webhook-fixtures.test'),
  'profiles.test.ts': () => require('./profiles.test'),
  'copy-as.test.ts': () => require('./copy-as.test'),
  'session-panel.test.ts': () => require('./session-panel.test'),
};

/** Source folder of the suite, when the sources are present (the bundle lives in out/test/integration). */
function sourceDir(): string | undefined {
  const dir = path.resolve(__dirname, '..', '..', '..', 'test', 'integration');
  return fs.existsSync(path.join(dir, 'index.ts')) ? dir : undefined;
}

export function run(): Promise<void> {
  // Reporters call Base.consoleLog(fmt, ...args); format here, because the code-server log channel
  // (codeAutomationLog) forwards the raw arguments without printf-style substitution.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, color: false, reporter: 'spec' });
  // The runner starts VS Code twice on the same folders; the second start runs only the tests that
  // check what must survive a restart (see test/e2e/run-extension-tests.mjs).
  const afterRestart = process.env.IDENFY_E2E_PHASE === 'after-restart';
  mocha.grep('@after-restart');
  if (!afterRestart) mocha.invert();

  const dir = sourceDir();
  if (dir) {
    const unlisted = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts') && !(f in testModules))
      .sort();
    if (unlisted.length > 0) {
      return Promise.reject(
        new Error(`test/integration/index.ts: add ${unlisted.join(', ')} to testModules (bundled suite)`),
      );
    }
  }

  // Install describe/it/... as globals bound to this mocha instance, then let the test modules register.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  // IDENFY_E2E_ONLY=a.test.ts,b.test.ts runs only those files (while working on them; CI runs all).
  const only = process.env.IDENFY_E2E_ONLY?.split(',').filter((f) => f !== '');
  for (const [file, load] of Object.entries(testModules)) if (!only || only.includes(file)) load();

  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
