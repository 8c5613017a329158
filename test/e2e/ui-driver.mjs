// Mode B driver: installs a .vsix into a fresh code-server 4.100.3 (VS Code 1.100.3), serves a copy of a
// workspace, and drives the workbench in headless Debian chromium through playwright-core.
//
//   const ui = await launchUi({ vsix, settings: { 'editor.fontSize': 14 } });
//   try {
//     await ui.openFile('bad.idenfy.json');
//     await ui.waitFor('.squiggly-warning, .squiggly-error');
//     await ui.runCommand('iDenfy: Send Request');
//     await ui.readmeScreenshot('screenshot-x.png');
//   } finally { await ui.close(); }
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BASE_SETTINGS,
  CODE_SERVER_DIR,
  freePort,
  isolatedEnv,
  launchChromium,
  log,
  makeRunDir,
  prepareWorkspace,
  REPO_ROOT,
  requireInstalled,
  screenshotDir,
  startProcess,
  waitForHttp,
  writeUserSettings,
} from './common.mjs';

const CODE_SERVER = path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');

/** Drivers not closed yet, for closeAll() on timeout or interrupt. */
const open = new Set();

/** Closes every open UI (browser + server process group). */
export async function closeAll() {
  await Promise.all([...open].map((ui) => ui.close()));
}

/** Mode B additions to BASE_SETTINGS: a fixed theme and no command center, for stable screenshots. */
export const UI_SETTINGS = {
  ...BASE_SETTINGS,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
};
/** Installs `vsix` into the run's code-server folders; throws with code-server's output on failure. */
export function installVsix(vsix, { dirs, env, runDir }) {
  const install = spawnSync(
    process.execPath,
    [CODE_SERVER, ...profileArgs(dirs), '--force', '--install-extension', path.resolve(vsix)],
    { env, cwd: runDir, encoding: 'utf8', timeout: 60_000 },
  );
  fs.writeFileSync(path.join(runDir, 'install.log'), `${install.stdout}\n${install.stderr}`);
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
    throw new Error(
      `installing ${vsix} failed (status ${install.status}):\n${install.stdout}\n${install.stderr}`,
    );
  }
}

/**
 * Serves `folder` from code-server on 127.0.0.1:`port` without auth, telemetry or update checks.
 * Workspace trust is off unless `workspaceTrust` is set (for scenarios about restricted mode).
 */
export function startCodeServer({
  port,
  dirs,
  env,
  runDir,
  folder,
  extraArgs = [],
  tag,
  workspaceTrust = false,
}) {
  // code-server lets PORT and CODE_SERVER_HOST override --bind-addr: an unauthenticated server must
  // listen on exactly the loopback address and port given here, whatever the caller's environment.
  const { PORT: _port, CODE_SERVER_HOST: _host, ...serverEnv } = env;
  return startProcess(
    process.execPath,
    [
      CODE_SERVER,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      ...extraArgs,
      ...profileArgs(dirs),
      folder,
    ],
    {
      env: serverEnv,
      cwd: runDir,
      logFile: path.join(runDir, 'server.log'),
      echo: process.env.IDENFY_E2E_VERBOSE === '1',
      ...(tag ? { tag } : {}),
    },
  );
}

function profileArgs(dirs) {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/**
 * Starts code-server with `vsix` installed and opens the workbench in chromium.
 * @param {object} opts
 * @param {string} opts.vsix           path of the packaged extension
 * @param {string} [opts.name]         run folder prefix (test/e2e/.work/runs/<name>-...)
 * @param {string} [opts.workspace]    folder to copy and open (default test/fixtures/workspace)
 * @param {object} [opts.settings]     user settings merged over UI_SETTINGS (IDENFY_E2E_USER_SETTINGS wins)
 * @param {{width:number,height:number}} [opts.viewport]  default 1280x800
 * @param {number} [opts.startTimeoutMs]  default 60000
 * @param {boolean} [opts.workspaceTrust] ask whether to trust the folder (default: trust is off)
 * @param {boolean} [opts.walkthroughOffer] let the first-run offer of the walkthrough show (default: off,
 *   so it covers no other scenario's screenshot)
 */
export async function launchUi({
  vsix,
  name = 'ui',
  workspace: workspaceSource,
  settings = {},
  viewport = { width: 1280, height: 800 },
  startTimeoutMs = 60_000,
  workspaceTrust = false,
  walkthroughOffer = false,
} = {}) {
  requireInstalled();
  if (!vsix || !fs.existsSync(vsix)) throw new Error(`vsix not found: ${vsix}`);
  const runDir = makeRunDir(name);
  const dirs = {
    runDir,
    userData: path.join(runDir, 'user-data'),
    extensions: path.join(runDir, 'extensions'),
    profile: path.join(runDir, 'chromium-profile'),
    home: path.join(runDir, 'home'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  if (workspaceSource) process.env.IDENFY_E2E_WORKSPACE = workspaceSource;
  const workspace = prepareWorkspace(runDir);
  writeUserSettings(dirs.userData, {
    ...UI_SETTINGS,
    ...(workspaceTrust ? { 'security.workspace.trust.enabled': true } : {}),
    ...settings,
  });
  const env = isolatedEnv({
    HOME: dirs.home,
    IDENFY_E2E_MODE: 'code-server-ui',
    IDENFY_E2E_RUN_DIR: runDir,
    IDENFY_E2E_USER_DATA_DIR: dirs.userData,
    IDENFY_E2E_EXTENSIONS_DIR: dirs.extensions,
    IDENFY_E2E_BROWSER_PROFILE_DIR: dirs.profile,
    IDENFY_E2E_WORKSPACE_DIR: workspace,
  });
  if (!walkthroughOffer) env.IDENFY_NO_WALKTHROUGH_OFFER = '1';
  delete env.NODE_OPTIONS;
  const t0 = Date.now();
  installVsix(vsix, { dirs, env, runDir });
  log('ui', `installed ${path.basename(vsix)} in ${Date.now() - t0} ms`);

  const port = await freePort();
  const server = startCodeServer({
    port,
    dirs,
    env,
    runDir,
    folder: workspace,
    extraArgs: ['--ignore-last-opened'],
    workspaceTrust,
  });
  const browserPromise = launchChromium(dirs.profile, { viewport, env });
  browserPromise.catch(() => {});
  let context;
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/healthz`, startTimeoutMs, () => server.alive);
    context = await browserPromise;
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleLog = fs.createWriteStream(path.join(runDir, 'browser-console.log'));
    page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.message}\n`));
    // The first page load compiles the workbench: on a busy machine it takes longer than Playwright's 30 s.
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`, {
      waitUntil: 'domcontentloaded',
      timeout: startTimeoutMs,
    });
    const ui = new UiDriver({ page, context, server, dirs, workspace, base });
    open.add(ui);
    await ui.waitForWorkbench(startTimeoutMs);
    log('ui', `workbench ready in ${Date.now() - t0} ms (run dir ${path.relative(REPO_ROOT, runDir)})`);
    return ui;
  } catch (err) {
    await context?.close().catch(() => {});
    await (await browserPromise.catch(() => undefined))?.close().catch(() => {});
    await server.stop();
    throw err;
  }
}

export class UiDriver {
  constructor({ page, context, server, dirs, workspace, base }) {
    this.page = page;
    this.context = context;
    this.server = server;
    this.dirs = dirs;
    this.workspace = workspace;
    this.base = base;
  }

  /** Waits for the workbench, the explorer and the extension host (status bar filled in). */
  async waitForWorkbench(timeout = 60_000) {
    await this.page.locator('.monaco-workbench').waitFor({ timeout });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout });
    await this.page.locator('#status\\.problems').waitFor({ timeout });
  }

  /** Waits for `selector` (playwright selector syntax) to be visible; returns its locator. */
  async waitFor(selector, { timeout = 30_000, state = 'visible' } = {}) {
    const loc = this.page.locator(selector).first();
    await loc.waitFor({ timeout, state });
    return this.page.locator(selector);
  }

  /** Sends keys to the focused element, e.g. press('Control+Shift+M'). */
  async press(keys) {
    await this.page.keyboard.press(keys);
  }

  /**
   * Opens a workspace file by its path relative to the workspace root: clicks it in the explorer when it
   * is a visible top-level row, otherwise uses Quick Open (Ctrl+P). Waits until its editor tab is active.
   */
  async openFile(relPath, { via } = {}) {
    const baseName = path.basename(relPath);
    const row = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${baseName}"]`);
    if (via !== 'quickOpen' && !relPath.includes('/') && (await row.count()) > 0) {
      await row.first().click();
    } else {
      await this.focusEditorArea();
      await this.press('Control+p');
      const input = await this.quickInput();
      await input.fill(relPath);
      await this.page
        .locator('.quick-input-list .monaco-list-row', { hasText: baseName })
        .first()
        .waitFor({ timeout: 15_000 });
      await this.press('Enter');
    }
    await this.page
      .locator(
        `.tabs-container .tab.active[aria-label^="${baseName}"], .tabs-container .tab.active[title*="${baseName}"]`,
      )
      .or(this.page.locator('.title .label-name', { hasText: baseName }))
      .first()
      .waitFor({ timeout: 15_000 });
    await this.page
      .locator('.editor-instance .monaco-editor .view-lines')
      .first()
      .waitFor({ timeout: 15_000 });
  }

  /** Runs a command by its palette title (e.g. 'View: Toggle Problems' or 'iDenfy: Send Request') via F1. */
  async runCommand(title, { attempts = 4 } = {}) {
    // Right after start-up the palette can open before the extension host has registered the
    // extension's contributions; reopen it until the command is listed.
    for (let attempt = 1; ; attempt++) {
      await this.focusEditorArea();
      await this.press('F1');
      const input = await this.quickInput();
      await input.fill(`>${title}`);
      const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      try {
        await row.waitFor({ timeout: 10_000 });
        break;
      } catch (err) {
        if (attempt >= attempts) throw err;
        await this.press('Escape');
      }
    }
    await this.press('Enter');
    // The palette has taken the command once it closes or its input no longer holds the '>' query
    // (a command that asks for input reuses the same widget), so the next step never types into it.
    await this.page.waitForFunction(() => {
      const widget = document.querySelector('.quick-input-widget');
      const input = widget?.querySelector('.quick-input-box input');
      return !widget || getComputedStyle(widget).display === 'none' || !input?.value.startsWith('>');
    });
  }

  /** The visible quick-input box (after Ctrl+P / F1). */
  async quickInput() {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.first().waitFor({ state: 'visible', timeout: 10_000 });
    return input.first();
  }

  async focusEditorArea() {
    // Make sure keyboard shortcuts reach the workbench, not a stale input.
    if (await this.page.locator('.quick-input-widget:visible').count()) await this.press('Escape');
  }

  /**
   * Opens the Problems panel (Ctrl+Shift+M) and returns the row texts once at least `min` rows show and,
   * given `hasText`, one of them holds it. Wait for a row of the settled state, not for a count: at
   * start-up VS Code's JSON service validates a file before it has the contributed schemas (comments are
   * errors then) and replaces those problems a moment later, so the first rows can be a transient state.
   */
  async problems({ min = 1, hasText, timeout = 30_000 } = {}) {
    if (
      !(await this.page
        .locator('.markers-panel')
        .isVisible()
        .catch(() => false))
    ) {
      await this.press('Control+Shift+M');
    }
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    if (hasText) {
      await rows
        .filter({ hasText })
        .first()
        .waitFor({ timeout })
        .catch(async () => {
          const seen = (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
          throw new Error(
            `no Problems row holds "${hasText}" after ${timeout} ms; rows shown:\n  ${seen.join('\n  ')}`,
          );
        });
    }
    if (min > 0) await rows.nth(min - 1).waitFor({ timeout });
    return rows.allInnerTexts();
  }

  /**
   * Starts the local emulator and creates a session from good.idenfy.json, through the palette as a
   * user does. Returns its scanRef and the emulator's address.
   */
  async createEmulatorSession() {
    const wait = { timeout: 15_000 };
    await this.page
      .locator('.pane-header', { hasText: 'iDenfy Sessions' })
      .first()
      .waitFor({ timeout: 30_000 });
    await this.runCommand('iDenfy: Start Local Emulator');
    const running = await this.notifications({ hasText: 'emulator running', ...wait });
    const emulatorUrl = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(running.join(' '))?.[1];
    if (!emulatorUrl) throw new Error(`no emulator address in ${running.join(' | ')}`);
    await this.openFile('good.idenfy.json');
    await this.runCommand('iDenfy: Create Session');
    const created = await this.notifications({ hasText: 'session created', timeout: 30_000 });
    const scanRef = /scanRef ([0-9a-f-]{36})/.exec(created.join(' '))?.[1];
    if (!scanRef) throw new Error(`no scanRef in ${created.join(' | ')}`);
    return { scanRef, emulatorUrl };
  }

  /**
   * Folds the file tree so the iDenfy Sessions view has room, opens it, and returns the session's row
   * and the view's pane.
   */
  async sessionRow(scanRef) {
    await this.page.locator('.pane-header', { hasText: 'workspace' }).first().click();
    const header = this.page.locator('.pane-header', { hasText: 'iDenfy Sessions' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const pane = this.page.locator('.pane', { has: header });
    const row = pane.locator('.monaco-list-row', { hasText: scanRef.split('-')[0] }).first();
    await row.waitFor({ timeout: 15_000 });
    return { row, pane };
  }

  /** Right-clicks `target` and runs `action` from its context menu. */
  async contextMenu(target, action) {
    await target.click({ button: 'right' });
    const item = this.page.getByRole('menuitem', { name: action }).first();
    await item.waitFor({ timeout: 15_000 });
    // A click that lands while the menu is still animating in is lost: click until the menu closes.
    for (let attempt = 1; await item.isVisible(); attempt++) {
      if (attempt > 3) throw new Error(`the context menu did not take "${action}"`);
      await item.hover();
      await item.click().catch(() => {});
      await item.waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => {});
    }
  }

  /** Texts of the notification toasts shown once one holding `hasText` has appeared. */
  async notifications({ hasText, timeout = 15_000 } = {}) {
    const toasts = this.page.locator('.notifications-toasts .notification-toast');
    await toasts.filter({ hasText }).first().waitFor({ timeout });
    return toasts.allInnerTexts();
  }

  /**
   * Clicks `target` (a locator) and returns the browser tab it opens (what `vscode.env.openExternal`
   * does in code-server), loaded up to DOMContentLoaded.
   */
  async followNewTab(target, { timeout = 30_000 } = {}) {
    const [tab] = await Promise.all([this.context.waitForEvent('page', { timeout }), target.click()]);
    await tab.waitForLoadState('domcontentloaded', { timeout });
    return tab;
  }

  /**
   * A README picture: saved as <screenshotDir()>/<name>. Test runs write to test/e2e/.work/screenshots
   * (ignored by git); `npm run screenshots` points IDENFY_E2E_SCREENSHOT_DIR at images/ to refresh the
   * README's pictures.
   */
  async readmeScreenshot(name) {
    return this.screenshot(path.join(screenshotDir(), name));
  }

  /** Saves a screenshot of the whole window (viewport size) to `file` (relative to the repo root). */
  async screenshot(file) {
    const out = path.resolve(REPO_ROOT, file);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await this.page.mouse.move(0, 0); // no hover widgets
    await this.page.screenshot({ path: out });
    return out;
  }

  async close() {
    open.delete(this);
    await this.context.close().catch(() => {});
    await this.server.stop();
  }
}

/**
 * Builds the .vsix (npm run package at the repo root, after `npm run build:prod` unless the manifest has a
 * vscode:prepublish script) into test/e2e/.work/, and returns its path.
 */
export function packageVsix() {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const out = path.join(REPO_ROOT, 'test', 'e2e', '.work', `${manifest.name}-${manifest.version}.vsix`);
  const env = isolatedEnv();
  const npm = (args) => {
    log('ui', `npm ${args.join(' ')}`);
    const r = spawnSync('npm', args, { cwd: REPO_ROOT, env, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (status ${r.status})`);
  };
  if (!manifest.scripts?.['vscode:prepublish']) npm(['run', 'build:prod']);
  fs.rmSync(out, { force: true });
  npm(['run', 'package', '--', '--out', out]);
  return out;
}
