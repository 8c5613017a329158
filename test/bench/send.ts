/**
 * 5. Create Session overhead: what the extension adds to a bare undici.request of the same bytes, both
 * to the same emulator on loopback, from the production bundle. The budgeted figure is the whole path
 * (prepareRequest + sendRequest + the history file) as a median difference: against a 100 ms network
 * round trip only an absolute cost matters. The send path alone (history handed to an in-memory
 * recorder) is shown beside it.
 *
 * Both run in child `node` processes without tsx, as in the extension host: warm-send-child.cjs
 * (interleaved, many requests) and cold-send-child.cjs (one first call per fresh process).
 * Connection policy: the extension opens a private undici Agent per request and destroys it afterwards
 * (no keep-alive reuse), so the bare reference also uses a fresh Agent per request, destroyed after the
 * body is read. Both therefore pay one TCP connect per call; what differs is what the extension adds.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type * as Core from '../../src/core';
import { budgeted, errorRow, info, ms, type Row } from './lib/format';
import { BENCH_DIR, plainNodeEnv } from './lib/project';
import { median, quantile } from './lib/stats';

export const WARM_ADDED_MS_BUDGET = 0.5;
export const COLD_MS_BUDGET = 250;
/** Warm-up before the warm figures are taken (see warm-send-child.cjs). */
const WARMUP_MS = 3000;

type CoreModule = typeof Core;

export async function measureSend(
  distDir: string,
  typical: string,
  options: { iterations: number; coldRuns: number },
): Promise<Row[]> {
  const core = path.join(distDir, 'idenfy-core.js');
  const rows: Row[] = [];
  try {
    const warm = await runChild<{ a: number[]; b: number[]; full: number[]; warmups: number }>(
      'warm-send-child.cjs',
      core,
      { text: typical, warmupMs: WARMUP_MS, minWarmup: 200, iterations: options.iterations },
    );
    // The budget is what a user waits for beyond the request itself: reading and checking the file,
    // the send path and the history file that keeps the session (written before any UI shows).
    const added = median(warm.full) - median(warm.b);
    rows.push(
      budgeted(
        {
          figure: `Create Session warm: added by the extension (prepare + send + history file) over a bare request (median of ${options.iterations} after ${warm.warmups} warm-up rounds)`,
          value: ms(added),
          reference: `whole path ${ms(median(warm.full))} (p90 ${ms(quantile(warm.full, 0.9))}) vs bare undici.request, fresh Agent ${ms(median(warm.b))} (p90 ${ms(quantile(warm.b, 0.9))})`,
          budget: `<= ${WARM_ADDED_MS_BUDGET} ms`,
        },
        added <= WARM_ADDED_MS_BUDGET,
      ),
    );
    rows.push(
      info({
        figure: 'Create Session warm: of which the send path (sendRequest, history in memory)',
        value: ms(median(warm.a) - median(warm.b)),
        reference: `sendRequest ${ms(median(warm.a))} vs bare ${ms(median(warm.b))}`,
      }),
    );
  } catch (err) {
    rows.push(errorRow('Create Session warm', err));
  }

  // The cold children talk to an emulator in this process: they time the client, not a server start.
  const { startEmulator } = require(core) as CoreModule;
  const emulator = await startEmulator();
  try {
    const cold: ColdResult[] = [];
    const input = {
      url: emulator.url,
      apiKey: emulator.apiKey,
      apiSecret: emulator.apiSecret,
      text: typical,
    };
    for (let i = 0; i < options.coldRuns; i++) {
      cold.push(await runChild<ColdResult>('cold-send-child.cjs', core, input));
    }
    const total = median(cold.map((c) => c.totalMs));
    rows.push(
      budgeted(
        {
          figure: `Create Session cold: first call in a fresh process, incl. require(idenfy-core.js) (median of ${options.coldRuns})`,
          value: ms(total),
          reference: `require ${ms(median(cold.map((c) => c.requireMs)))} + prepare ${ms(median(cold.map((c) => c.prepareMs)))} + send ${ms(median(cold.map((c) => c.sendMs)))}`,
          budget: `< ${COLD_MS_BUDGET} ms`,
        },
        total < COLD_MS_BUDGET,
      ),
    );
  } catch (err) {
    rows.push(errorRow('Create Session cold', err));
  } finally {
    await emulator.close();
  }
  return rows;
}

interface ColdResult {
  totalMs: number;
  requireMs: number;
  prepareMs: number;
  sendMs: number;
}

/** Runs a bench child with plain node, `input` as JSON on stdin; resolves to its last stdout line, parsed. */
export function runChild<T>(script: string, coreFile: string, input: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(BENCH_DIR, script), coreFile], {
      env: plainNodeEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{'))
        reject(new Error(`${script} exited ${code}: ${err.trim().slice(-400)}`));
      else resolve(JSON.parse(line) as T);
    });
    child.stdin.end(JSON.stringify(input));
  });
}
