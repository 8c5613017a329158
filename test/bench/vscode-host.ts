/**
 * 2b. Activation inside a real VS Code extension host (code-server, test/e2e/run-extension-tests.mjs),
 * on an empty workspace so that no workspaceContains event activates the extension before the test does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { budgeted, errorRow, info, ms, type Row } from './lib/format';
import { BENCH_DIR, makeTempDir, plainNodeEnv, ROOT, readManifest, run } from './lib/project';
import { median } from './lib/stats';

export const HARNESS = path.join(ROOT, 'test', 'e2e', 'node_modules', 'code-server');
const FIGURE = 'activation in VS Code 1.100 extension host (activate(), empty workspace)';

export async function measureVsCode(runs: number, log: (line: string) => void): Promise<Row[]> {
  if (!fs.existsSync(HARNESS)) {
    return [{ figure: FIGURE, value: 'skipped: harness not installed', verdict: 'skipped' }];
  }
  const tmp = makeTempDir('idenfy-bench-vscode-');
  try {
    const manifest = readManifest();
    const suite = path.join(tmp, 'suite', 'index.js');
    await esbuild.build({
      entryPoints: [path.join(BENCH_DIR, 'vscode-activation-suite.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      outfile: suite,
      define: { BENCH_EXTENSION_ID: JSON.stringify(`${manifest.publisher}.${manifest.name}`) },
      logLevel: 'silent',
    });
    const workspace = path.join(tmp, 'empty-workspace');
    fs.mkdirSync(workspace);

    const samples: number[] = [];
    const notes: string[] = [];
    let coreLoaded = false;
    for (let i = 0; i < runs; i++) {
      // --no-build: activate the production build measured above, not a fresh development build.
      const r = await run(
        process.execPath,
        [path.join(ROOT, 'test', 'e2e', 'run-extension-tests.mjs'), '--no-build'],
        {
          env: plainNodeEnv({
            IDENFY_E2E_WORKSPACE: workspace,
            IDENFY_E2E_TESTS_PATH: suite,
            IDENFY_E2E_TIMEOUT_MS: '150000',
          }),
          timeoutMs: 170_000,
        },
      );
      log(`  VS Code run ${i + 1}/${runs}: exit ${r.code} after ${(r.ms / 1000).toFixed(1)} s`);
      if (/already active before activate\(\) was called/.test(r.output)) {
        notes.push(`run ${i + 1}: the extension was already active before the test`);
        continue;
      }
      const m = /ACTIVATION_MS\s+([\d.]+)/.exec(r.output);
      if (r.code !== 0 || !m) {
        throw new Error(
          `run-extension-tests exited ${r.code} without ACTIVATION_MS: ${r.output.trim().slice(-600)}`,
        );
      }
      samples.push(Number(m[1]));
      if (/CORE_LOADED_AT_ACTIVATION yes/.test(r.output)) coreLoaded = true;
    }
    if (samples.length === 0) {
      return [
        {
          figure: FIGURE,
          value: 'meaningless: the extension was already active before the test (see notes)',
          verdict: 'ERROR',
        },
      ];
    }
    return [
      info({
        figure: `${FIGURE} (median of ${samples.length})`,
        value: `${ms(median(samples))}${samples.length > 1 ? ` [${samples.map((s) => s.toFixed(1)).join(', ')}]` : ''}`,
        reference: notes.length ? notes.join('; ') : undefined,
      }),
      budgeted(
        {
          figure: 'activation in VS Code loads idenfy-core.js (zod, undici, emulator)',
          value: coreLoaded ? 'loaded' : 'not loaded',
          budget: 'not loaded',
        },
        !coreLoaded,
      ),
    ];
  } catch (err) {
    return [errorRow(FIGURE, err)];
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
