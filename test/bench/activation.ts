/**
 * 2. Activation in plain Node: a fresh process loads the extension and awaits activate() with
 * vscode-stub.cjs as the `vscode` module, against the same harness loading empty-extension.cjs.
 */
import * as path from 'node:path';
import { budgeted, errorRow, info, ms, type Row } from './lib/format';
import { BENCH_DIR, plainNodeEnv, run } from './lib/project';
import { median, quantile } from './lib/stats';

export const ACTIVATION_RATIO_BUDGET = 1.5;

interface ChildResult {
  sinceStart: number;
  requireMs: number;
  activateMs: number;
  modules: number;
  core: string[];
  zod: string[];
  undici: string[];
  emulator: string[];
  subscriptions: number;
}

async function activateOnce(extensionFile: string): Promise<ChildResult> {
  const r = await run(process.execPath, [path.join(BENCH_DIR, 'activation-child.cjs'), extensionFile], {
    env: plainNodeEnv(),
    timeoutMs: 30_000,
  });
  const line = r.output.trim().split('\n').pop() ?? '';
  if (r.code !== 0 || !line.startsWith('{')) {
    throw new Error(`activation child failed (${r.code}): ${r.output.trim().slice(-400)}`);
  }
  return JSON.parse(line) as ChildResult;
}

export async function measureActivation(distDir: string, runs: number): Promise<Row[]> {
  const extension = path.join(distDir, 'extension.js');
  const empty = path.join(BENCH_DIR, 'empty-extension.cjs');
  try {
    // Warm-up: the page cache, not the processes (each run is a fresh process anyway).
    await activateOnce(extension);
    await activateOnce(empty);
    const ours: ChildResult[] = [];
    const base: ChildResult[] = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        ours.push(await activateOnce(extension));
        base.push(await activateOnce(empty));
      } else {
        base.push(await activateOnce(empty));
        ours.push(await activateOnce(extension));
      }
    }
    const total = (xs: ChildResult[]) => xs.map((x) => x.sinceStart);
    const inner = (xs: ChildResult[]) => xs.map((x) => x.requireMs + x.activateMs);
    const oursTotal = median(total(ours));
    const baseTotal = median(total(base));
    const ratio = oursTotal / baseTotal;
    const heavy = new Set(ours.flatMap((x) => [...x.core, ...x.zod, ...x.undici, ...x.emulator]));
    return [
      budgeted(
        {
          figure: `activation, fresh node process: start -> activate() resolved (median of ${runs}, p90 ${ms(quantile(total(ours), 0.9))})`,
          value: ms(oursTotal),
          reference: `empty extension ${ms(baseTotal)}`,
          ratio,
          budget: `ratio <= ${ACTIVATION_RATIO_BUDGET}`,
        },
        ratio <= ACTIVATION_RATIO_BUDGET,
      ),
      info({
        figure: 'activation, require(extension.js) + activate() only',
        value: ms(median(inner(ours))),
        reference: `empty extension ${ms(median(inner(base)))}`,
        ratio: median(inner(ours)) / median(inner(base)),
      }),
      budgeted(
        {
          figure: 'activation loads zod / undici / emulator / idenfy-core.js',
          value: heavy.size === 0 ? 'none loaded' : `loaded: ${[...heavy].join(', ')}`,
          reference: `${ours[0]?.modules ?? '?'} modules in require.cache, ${ours[0]?.subscriptions ?? '?'} subscriptions`,
          budget: 'none loaded',
        },
        heavy.size === 0,
      ),
    ];
  } catch (err) {
    return [errorRow('activation (fresh node process)', err)];
  }
}
