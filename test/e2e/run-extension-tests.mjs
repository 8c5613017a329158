#!/usr/bin/env node
// Mode A: runs the integration suite (out/test/integration/index.js) inside a real VS Code 1.100.3
// extension host, offline: the VS Code server bundled in code-server + a headless Debian chromium
// page as the workbench client (nothing is clicked). Exit code = the suite's (0 pass, 1 fail);
// 2 = harness not installed / not built; 124 = hard timeout.
//
// Usage: node test/e2e/run-extension-tests.mjs [--no-build]   (runs `npm run build` first unless --no-build)
// Env:
//   IDENFY_E2E_USER_SETTINGS   JSON object written to <user-data-dir>/User/settings.json
//   IDENFY_E2E_WORKSPACE       folder copied and opened as the workspace (default test/fixtures/workspace)
//   IDENFY_E2E_TESTS_PATH      compiled suite entry (default out/test/integration/index.js)
//   IDENFY_E2E_TIMEOUT_MS      hard limit for the whole run (default 180000)
//   IDENFY_E2E_VERBOSE=1       echo the server's own output
//   IDENFY_E2E_SKIP_BUILD=1    same as --no-build
//   IDENFY_E2E_SINGLE_PHASE=1  skip the second start (the after-restart tests)
// The extension host inherits these (set by this script): IDENFY_E2E_RUN_DIR, IDENFY_E2E_USER_DATA_DIR,
// IDENFY_E2E_EXTENSIONS_DIR, IDENFY_E2E_SERVER_DATA_DIR, IDENFY_E2E_BROWSER_PROFILE_DIR,
// IDENFY_E2E_WORKSPACE_DIR, IDENFY_E2E_MODE=code-server, IDENFY_E2E_PHASE=first|after-restart.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BASE_SETTINGS,
  CODE_SERVER_DIR,
  freePort,
  hardTimeout,
  isolatedEnv,
  launchChromium,
  log,
  makeRunDir,
  prepareWorkspace,
  REPO_ROOT,
  requireInstalled,
  startProcess,
  waitForHttp,
  writeUserSettings,
} from './common.mjs';

const TAG = 'e2e';
const timeoutMs = Number(process.env.IDENFY_E2E_TIMEOUT_MS || 300_000);
const testsPath = path.resolve(
  REPO_ROOT,
  process.env.IDENFY_E2E_TESTS_PATH || path.join('out', 'test', 'integration', 'index.js'),
);

requireInstalled();
// Build first so a stale out/ or dist/ is never tested (about 1 s); --no-build or IDENFY_E2E_SKIP_BUILD=1 skips.
if (!process.argv.includes('--no-build') && process.env.IDENFY_E2E_SKIP_BUILD !== '1') {
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('`npm run build` failed');
    process.exit(2);
  }
  log(TAG, `npm run build: ${Date.now() - t0} ms`);
}
if (!fs.existsSync(testsPath)) {
  console.error(
    `missing ${path.relative(REPO_ROOT, testsPath)}: run \`npm run build\` at the repo root first`,
  );
  process.exit(2);
}
if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
  console.error('missing dist/extension.js: run `npm run build` at the repo root first');
  process.exit(2);
}

const runDir = makeRunDir('ext');
const dirs = {
  userData: path.join(runDir, 'user-data'),
  extensions: path.join(runDir, 'extensions'),
  serverData: path.join(runDir, 'server-data'),
  profile: path.join(runDir, 'chromium-profile'),
  home: path.join(runDir, 'home'),
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
const workspace = prepareWorkspace(runDir);
writeUserSettings(dirs.userData, BASE_SETTINGS);

let server;
let context;
let exitCode = 1;
const cleanup = async () => {
  await context?.close().catch(() => {});
  context = undefined;
  await server?.stop();
  server = undefined;
};
const cancelTimeout = hardTimeout(
  timeoutMs,
  'integration tests did not finish; the extension host may be hung or the suite never reported back',
  cleanup,
);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(130);
  });
}

/**
 * One start of the workbench on the run's folders: starts code-server and chromium, runs the suite,
 * stops both. `phase` reaches the suite as IDENFY_E2E_PHASE: the second phase runs on the same
 * user-data, extensions and browser-profile folders, i.e. after a full restart of VS Code, for the
 * tests that prove something survives one (test names containing "@after-restart").
 */
async function runPhase(phase) {
  const port = await freePort();
  const env = isolatedEnv({
    HOME: dirs.home,
    IDENFY_E2E_MODE: 'code-server',
    IDENFY_E2E_PHASE: phase,
    IDENFY_E2E_RUN_DIR: runDir,
    IDENFY_E2E_USER_DATA_DIR: dirs.userData,
    IDENFY_E2E_EXTENSIONS_DIR: dirs.extensions,
    IDENFY_E2E_SERVER_DATA_DIR: dirs.serverData,
    IDENFY_E2E_BROWSER_PROFILE_DIR: dirs.profile,
    IDENFY_E2E_WORKSPACE_DIR: workspace,
  });
  // Not inherited by the extension host: NODE_OPTIONS from npm scripts etc. would be, keep them out.
  delete env.NODE_OPTIONS;
  delete env.ELECTRON_RUN_AS_NODE;

  log(TAG, `phase ${phase}: run dir ${path.relative(REPO_ROOT, runDir)}, port ${port}`);
  server = startProcess(
    process.execPath,
    [
      path.join(CODE_SERVER_DIR, 'lib', 'vscode', 'out', 'server-main.js'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--disable-telemetry',
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      '--server-data-dir',
      dirs.serverData,
    ],
    {
      env,
      cwd: runDir,
      logFile: path.join(runDir, `server-${phase}.log`),
      echo: process.env.IDENFY_E2E_VERBOSE === '1',
    },
  );
  const base = `http://127.0.0.1:${port}`;
  // Chromium starts (~3 s) while the server comes up.
  const browser = launchChromium(dirs.profile, { env: { ...env } });
  browser.catch(() => {});
  await waitForHttp(`${base}/version`, 30_000, () => server.alive);
  log(TAG, 'server up');
  context = await browser;

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(REPO_ROOT)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const page = context.pages()[0] ?? (await context.newPage());
  const result = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  await page.exposeFunction('codeAutomationLog', (type, message) => {
    const text = Array.isArray(message) ? message.join(' ') : String(message);
    if (type === 'error') process.stderr.write(`${text}\n`);
    else process.stdout.write(`${text}\n`);
  });
  page.on('pageerror', (err) => log(TAG, `page error: ${err.message}`));
  page.on('crash', () => log(TAG, 'page crashed'));
  const running = server;
  running.exited.then(({ code, signal }) => {
    if (server === running) log(TAG, `server exited early (code ${code}, signal ${signal}); see ${runDir}`);
  });

  log(TAG, 'opening workbench');
  // The first page load compiles the workbench: on a busy machine it takes longer than Playwright's 30 s.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 180_000 });
  const code = await Promise.race([
    result,
    running.exited.then(() => {
      throw new Error('code-server exited before the suite finished');
    }),
  ]);
  log(TAG, `phase ${phase}: suite finished with exit code ${code}`);
  await cleanup();
  return code;
}

try {
  exitCode = await runPhase('first');
  if (exitCode === 0 && process.env.IDENFY_E2E_SINGLE_PHASE !== '1')
    exitCode = await runPhase('after-restart');
} catch (err) {
  console.error(`e2e runner error: ${err?.stack ?? err}`);
  exitCode = 1;
} finally {
  cancelTimeout();
  await cleanup();
}
process.exit(exitCode);
