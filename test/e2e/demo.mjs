#!/usr/bin/env node
// `npm start`: builds and packages the extension, installs it into a fresh code-server (the real VS Code
// 1.100.3 workbench), writes a sample workspace of request files, and serves it on 127.0.0.1 with the
// offline iDenfy emulator as the target (idenfy.emulator.autoStart), so no iDenfy account is needed.
// Open the printed URL in a browser; Ctrl+C stops everything.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BASE_SETTINGS,
  CODE_SERVER_DIR,
  E2E_DIR,
  freePort,
  isolatedEnv,
  log,
  makeRunDir,
  REPO_ROOT,
  waitForHttp,
  writeUserSettings,
} from './common.mjs';
import { installVsix, packageVsix, startCodeServer } from './ui-driver.mjs';

const CODE_SERVER = path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');

// A fresh clone: the extension's own dependencies first (esbuild, vsce, tsx, ...).
if (!fs.existsSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'esbuild'))) {
  log('demo', "installing the extension's dependencies (npm ci)");
  const r = spawnSync('npm', ['ci'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!fs.existsSync(CODE_SERVER)) {
  log('demo', 'code-server is not installed yet: running test/e2e/install.sh (about a minute, once)');
  const r = spawnSync('bash', [path.join(E2E_DIR, 'install.sh')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const vsix = packageVsix();
const runDir = makeRunDir('demo');
const dirs = {
  userData: path.join(runDir, 'user-data'),
  extensions: path.join(runDir, 'extensions'),
  home: path.join(runDir, 'home'),
  workspace: path.join(runDir, 'samples'),
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });

const tsx = spawnSync(
  process.execPath,
  [
    path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    'src/build/demo-workspace.ts',
    dirs.workspace,
  ],
  { cwd: REPO_ROOT, stdio: 'inherit' },
);
if (tsx.status !== 0) process.exit(tsx.status ?? 1);

writeUserSettings(dirs.userData, {
  ...BASE_SETTINGS,
  'idenfy.emulator.autoStart': true,
  'workbench.colorTheme': 'Default Dark Modern',
});
const env = isolatedEnv({ HOME: dirs.home });
delete env.NODE_OPTIONS;
installVsix(vsix, { dirs, env, runDir });
const port = Number(process.env.PORT) || (await freePort());
const server = startCodeServer({ port, dirs, env, runDir, folder: dirs.workspace, tag: 'code-server' });
const base = `http://127.0.0.1:${port}`;
await waitForHttp(`${base}/healthz`, 60_000, () => server.alive);
const url = `${base}/?folder=${encodeURIComponent(dirs.workspace)}`;
console.log(`
  iDenfy Session Tools is running in VS Code (code-server) with the offline emulator as the target:

      ${url}

  Open mistakes.idenfy.json for the squiggles, recommended.idenfy.json and F1 > "iDenfy: Create Session"
  for a session. Sample files: ${path.relative(REPO_ROOT, dirs.workspace)}. Ctrl+C stops the server.
`);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await server.stop();
    process.exit(0);
  });
}
