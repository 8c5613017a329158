#!/usr/bin/env node
// Runs the same integration suite as run-extension-tests.mjs, in desktop VS Code through
// @vscode/test-electron. Needs internet (it downloads VS Code from update.code.visualstudio.com), so it
// cannot run on the offline CI machines; use it on a developer machine or a CI with network access.
// On Linux without a display, run it under xvfb: `xvfb-run -a node test/e2e/run-electron.mjs`.
//
// Usage: npm run build && node test/e2e/run-electron.mjs
// Env: IDENFY_E2E_VSCODE_VERSION (default 1.100.3, the version engines.vscode targets; 'stable' works too),
//      IDENFY_E2E_USER_SETTINGS, IDENFY_E2E_WORKSPACE, IDENFY_E2E_TESTS_PATH as in run-extension-tests.mjs.
// The suite sees IDENFY_E2E_MODE=electron, IDENFY_E2E_RUN_DIR, IDENFY_E2E_USER_DATA_DIR,
// IDENFY_E2E_EXTENSIONS_DIR and IDENFY_E2E_WORKSPACE_DIR.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import {
  BASE_SETTINGS,
  makeRunDir,
  prepareWorkspace,
  REPO_ROOT,
  WORK_DIR,
  writeUserSettings,
} from './common.mjs';

const extensionTestsPath = path.resolve(
  REPO_ROOT,
  process.env.IDENFY_E2E_TESTS_PATH || path.join('out', 'test', 'integration', 'index.js'),
);
if (!fs.existsSync(extensionTestsPath)) {
  console.error(`missing ${path.relative(REPO_ROOT, extensionTestsPath)}: run \`npm run build\` first`);
  process.exit(2);
}

const runDir = makeRunDir('electron');
const userDataDir = path.join(runDir, 'user-data');
const extensionsDir = path.join(runDir, 'extensions');
fs.mkdirSync(extensionsDir, { recursive: true });
const workspace = prepareWorkspace(runDir);
writeUserSettings(userDataDir, BASE_SETTINGS);

try {
  const code = await runTests({
    version: process.env.IDENFY_E2E_VSCODE_VERSION || '1.100.3',
    cachePath: path.join(WORK_DIR, 'vscode-test'),
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath,
    launchArgs: [
      workspace,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
    ],
    extensionTestsEnv: {
      IDENFY_E2E_MODE: 'electron',
      IDENFY_E2E_RUN_DIR: runDir,
      IDENFY_E2E_USER_DATA_DIR: userDataDir,
      IDENFY_E2E_EXTENSIONS_DIR: extensionsDir,
      IDENFY_E2E_WORKSPACE_DIR: workspace,
    },
  });
  process.exit(code);
} catch (err) {
  console.error(`integration tests failed: ${err?.stack ?? err}`);
  process.exit(1);
}
