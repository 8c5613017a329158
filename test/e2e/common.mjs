// Shared helpers of the real-VS-Code harness (code-server + Debian chromium via playwright-core).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
export const WORK_DIR = path.join(E2E_DIR, '.work');
export const CODE_SERVER_DIR = path.join(E2E_DIR, 'node_modules', 'code-server');
export const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
export const CHROMIUM = process.env.IDENFY_E2E_CHROMIUM || '/usr/bin/chromium';
/** Where scenarios save README pictures: read on each call, so run-ui.mjs --readme-screenshots can set it. */
export const screenshotDir = () =>
  path.resolve(REPO_ROOT, process.env.IDENFY_E2E_SCREENSHOT_DIR || path.join(WORK_DIR, 'screenshots'));

// This process's own temp files (playwright's artifacts folder) go under .work too, not /tmp.
fs.mkdirSync(path.join(WORK_DIR, 'tmp'), { recursive: true });
process.env.TMPDIR = path.join(WORK_DIR, 'tmp');

/** User settings every run starts from (IDENFY_E2E_USER_SETTINGS and per-scenario settings go on top). */
export const BASE_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  // The workspace copy sits inside the repo's git tree; keep the git extension out of it.
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
};

/** Chromium flags that work on these machines (no sandbox as root; no background traffic on a closed network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-dev-shm-usage',
];

const started = Date.now();
export function log(tag, ...args) {
  const t = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  console.log(`[${tag} ${t}s]`, ...args);
}

/** Checks that install.sh has been run; exits 2 with a hint otherwise. */
export function requireInstalled() {
  const missing = [];
  if (!fs.existsSync(path.join(CODE_SERVER_DIR, 'lib', 'vscode', 'out', 'server-main.js'))) {
    missing.push('code-server (test/e2e/node_modules)');
  }
  if (!fs.existsSync(path.join(E2E_DIR, 'node_modules', 'playwright-core'))) missing.push('playwright-core');
  if (!fs.existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM})`);
  if (missing.length > 0) {
    console.error(`e2e harness not installed: missing ${missing.join(', ')}. Run: npm run e2e:install`);
    process.exit(2);
  }
}

/**
 * Environment for every child (code-server, its extension host, npm): XDG folders and TMPDIR under
 * test/e2e/.work so nothing lands in $HOME or /tmp.
 */
export function isolatedEnv(extra = {}) {
  const xdg = path.join(WORK_DIR, 'xdg');
  const tmp = path.join(WORK_DIR, 'tmp');
  for (const d of ['config', 'data', 'cache']) fs.mkdirSync(path.join(xdg, d), { recursive: true });
  fs.mkdirSync(tmp, { recursive: true });
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
    TMPDIR: tmp,
    ...extra,
  };
}

/** Fresh folder for one run: test/e2e/.work/runs/<prefix>-<time>. Old runs are pruned (keeps 5). */
export function makeRunDir(prefix) {
  const runs = path.join(WORK_DIR, 'runs');
  fs.mkdirSync(runs, { recursive: true });
  const keep = Number(process.env.IDENFY_E2E_KEEP_RUNS || 5);
  const old = fs
    .readdirSync(runs)
    .filter((n) => n.startsWith(`${prefix}-`))
    .sort();
  for (const n of old.slice(0, Math.max(0, old.length - keep + 1))) {
    fs.rmSync(path.join(runs, n), { recursive: true, force: true });
  }
  // Short and sortable (base-36 ms): code-server puts a unix socket in the user-data-dir, and socket
  // paths must stay under 108 bytes.
  const dir = path.join(runs, `${prefix}-${Date.now().toString(36)}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Copies the fixture workspace into the run folder, so tests may write to it (settings, files) freely. */
export function prepareWorkspace(runDir) {
  const source = process.env.IDENFY_E2E_WORKSPACE || FIXTURE_WORKSPACE;
  fs.mkdirSync(source, { recursive: true });
  const target = path.join(runDir, 'workspace');
  fs.cpSync(source, target, { recursive: true });
  return target;
}

/**
 * Writes <userDataDir>/User/settings.json from the JSON object in IDENFY_E2E_USER_SETTINGS (if set),
 * merged over `base`.
 */
export function writeUserSettings(userDataDir, base = {}) {
  let extra = {};
  const raw = process.env.IDENFY_E2E_USER_SETTINGS;
  if (raw?.trim()) {
    try {
      extra = JSON.parse(raw);
    } catch (err) {
      throw new Error(`IDENFY_E2E_USER_SETTINGS is not valid JSON: ${err.message}`);
    }
    if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) {
      throw new Error('IDENFY_E2E_USER_SETTINGS must be a JSON object');
    }
  }
  const settings = { ...base, ...extra };
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  return settings;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers (any HTTP status below 500) or `timeoutMs` passes. */
export async function waitForHttp(url, timeoutMs, isAlive = () => true) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`server exited before answering ${url}`);
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
      lastErr = new Error(`HTTP ${res.status}`);
    } catch (err) {
      lastErr = err;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms (${lastErr?.message ?? 'no answer'})`);
}

/**
 * Starts a long-running child in its own process group (so stop() also ends the extension hosts it forks).
 * Output goes to `logFile`; lines are echoed to stdout when `echo` is true.
 */
export function startProcess(cmd, args, { env, cwd, logFile, echo = false, tag = 'server' }) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = false;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (buf) => {
      fs.writeSync(out, buf);
      if (echo) process.stdout.write(`[${tag}] ${buf}`);
    });
  }
  return {
    child,
    get alive() {
      return !exited;
    },
    exited: exitPromise,
    async stop() {
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {}
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {}
        }, 3000);
        await exitPromise;
        clearTimeout(timer);
      }
      // Children of the group (extension hosts, pty hosts) may outlive the leader briefly.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      try {
        fs.closeSync(out);
      } catch {}
    },
  };
}

/** Launches Debian's chromium with a fresh profile folder (first argument, not a --user-data-dir flag). */
/** Default env: XDG folders under .work and HOME next to the profile (chromium writes ~/.config/chromium, ~/.pki). */
export async function launchChromium(profileDir, { viewport = { width: 1280, height: 800 }, env } = {}) {
  const { chromium } = await import('playwright-core');
  fs.mkdirSync(profileDir, { recursive: true });
  if (!env) {
    const home = path.join(path.dirname(profileDir), 'home');
    fs.mkdirSync(home, { recursive: true });
    env = isolatedEnv({ HOME: home });
  }
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    env,
  });
}

/** Runs `fn`; if it takes longer than `ms`, prints `message`, runs `onTimeout` and exits with code 124. */
export function hardTimeout(ms, message, onTimeout) {
  const timer = setTimeout(async () => {
    console.error(`\nTIMEOUT: ${message} (hard limit ${Math.round(ms / 1000)} s, set IDENFY_E2E_TIMEOUT_MS)`);
    try {
      await Promise.race([onTimeout?.(), new Promise((r) => setTimeout(r, 5000))]);
    } finally {
      process.exit(124);
    }
  }, ms);
  timer.unref();
  return () => clearTimeout(timer);
}
