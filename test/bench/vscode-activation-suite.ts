/**
 * Extension-test entry for the bench's real-VS-Code figure (IDENFY_E2E_TESTS_PATH, bundled by
 * vscode-host.ts): measures activate() like test/integration/smoke.test.ts, and nothing else.
 */
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

declare const BENCH_EXTENSION_ID: string;

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension(BENCH_EXTENSION_ID);
  if (!ext) throw new Error(`extension ${BENCH_EXTENSION_ID} is not present`);
  const wasActive = ext.isActive;
  const start = performance.now();
  await ext.activate();
  const ms = performance.now() - start;
  if (wasActive) console.log('note: the extension was already active before activate() was called');
  console.log(`ACTIVATION_MS ${ms.toFixed(1)}`);
  // The heavy bundle must not load at activation (esbuild keeps this require the host's own).
  const core = Object.keys(require.cache).filter((f) => /idenfy-core\.js$/.test(f));
  console.log(`CORE_LOADED_AT_ACTIVATION ${core.length > 0 ? 'yes' : 'no'}`);
  if (!ext.isActive) throw new Error('the extension did not activate');
}
