#!/usr/bin/env node
// `npm start`: builds and packages the extension, installs it into a fresh code-server (the real VS Code
// 1.100.3 workbench), writes a sample workspace of request files, and serves it on 127.0.0.1 with the
// offline iDenfy emulator as the target (idenfy.emulator.autoStart), so no iDenfy account is needed.
// Open the printed URL in a browser; Ctrl+C stops everything.
//
// Port: a free one by default; `npm start -- --port 8080` (or PORT=8080) fixes it, so an SSH tunnel from
// another machine (`ssh -N -L 8080:127.0.0.1:8080 host`) stays the same from run to run. Only this port
// is needed: the verification page of the built-in emulator is reached through code-server's
// /proxy/<port>/ on the same address.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
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

/** The port asked for with --port N / --port=N or PORT, checked before the long build; undefined = any. */
async function requestedPort() {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === '--port' || a.startsWith('--port='));
  const raw = i < 0 ? process.env.PORT : args[i].includes('=') ? args[i].slice(7) : args[i + 1];
  if (raw === undefined || raw === '') return undefined;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) {
    console.error(`--port/PORT must be a port number (1-65535), not "${raw}"`);
    process.exit(2);
  }
  // A port another server holds would answer the health check below and hide the failure.
  const busy = await new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (err) => resolve(err.code ?? String(err)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(undefined)));
  });
  if (busy) {
    console.error(`127.0.0.1:${port} is not available (${busy}); choose another --port`);
    process.exit(2);
  }
  return port;
}
const fixedPort = await requestedPort();

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
const port = fixedPort ?? (await freePort());
const server = startCodeServer({ port, dirs, env, runDir, folder: dirs.workspace, tag: 'code-server' });
const base = `http://127.0.0.1:${port}`;
try {
  await waitForHttp(`${base}/healthz`, 60_000, () => server.alive);
} catch (err) {
  await server.stop();
  console.error(`${err.message}; code-server's log: ${path.join(runDir, 'server.log')}`);
  process.exit(1);
}
const url = `${base}/?folder=${encodeURIComponent(dirs.workspace)}`;
console.log(`
  iDenfy Session Tools is running in VS Code (code-server) with the offline emulator as the target:

      ${url}

  Open mistakes.idenfy.json for the squiggles, recommended.idenfy.json and F1 > "iDenfy: Create Session"
  for a session. Sample files: ${path.relative(REPO_ROOT, dirs.workspace)}. Ctrl+C stops the server.
  From another machine: ssh -N -L ${port}:127.0.0.1:${port} <this host>, then open the same URL there.
`);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await server.stop();
    process.exit(0);
  });
}
