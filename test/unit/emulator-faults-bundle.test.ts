/**
 * The emulator's fault modes are test-only: the production bundle must not carry them. Bundles
 * src/core.ts in memory the way src/build/esbuild.mjs does, once per value of the define.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';

const root = join(__dirname, '..', '..');
// Strings that only fault modes produce.
const FAULT_MARKS = ['emulator-reset-mid-response', 'Request was throttled.', '500 Internal Server Error'];

async function coreBundle(testBuild: boolean): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(root, 'src/core.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    minify: true,
    write: false,
    logLevel: 'silent',
    define: { __IDENFY_TEST_BUILD__: testBuild ? 'true' : 'false' },
  });
  return result.outputFiles[0]?.text ?? '';
}

test('the production build defines __IDENFY_TEST_BUILD__ as false', () => {
  const script = readFileSync(join(root, 'src/build/esbuild.mjs'), 'utf8');
  assert.match(script, /__IDENFY_TEST_BUILD__: production \? 'false' : 'true'/);
});

test('fault modes are in the test bundle and not in the production bundle', async () => {
  const [testBundle, production] = await Promise.all([coreBundle(true), coreBundle(false)]);
  for (const mark of FAULT_MARKS) {
    assert.ok(testBundle.includes(mark), `the test bundle lacks "${mark}"`);
    assert.ok(!production.includes(mark), `the production bundle carries "${mark}"`);
  }
  // The emulator itself ships: only its faults are left out.
  assert.ok(production.includes('Dummy token and verification created successfully'));
});
