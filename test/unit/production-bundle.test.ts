/**
 * Test-only fault hooks (failNextUiStep, the failing emulator start) are compiled out of the production
 * bundle by `__IDENFY_TEST_BUILD__`. Runs the real build script in a scratch folder, so dist/ (which
 * other tests load) is left alone.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..');
const HOOK_TEXTS = ['failNextUiStep', 'failNextStart', 'autoStartEmulator', 'injected by a test'];

function build(production: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'idenfy-bundle-'));
  try {
    for (const name of ['src', 'test', 'node_modules', 'package.json', 'tsconfig.json'])
      symlinkSync(join(root, name), join(dir, name));
    execFileSync(
      process.execPath,
      [join(root, 'src', 'build', 'esbuild.mjs'), ...(production ? ['--production'] : [])],
      { cwd: dir, stdio: 'pipe' },
    );
    return readFileSync(join(dir, 'dist', 'extension.js'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the production extension.js holds none of the test hooks; the test build has them', () => {
  const production = build(true);
  assert.deepEqual(
    HOOK_TEXTS.filter((t) => production.includes(t)),
    [],
  );
  const development = build(false);
  assert.deepEqual(
    HOOK_TEXTS.filter((t) => !development.includes(t)),
    [],
  );
});
