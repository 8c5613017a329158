/**
 * 5. Create Session overhead: the extension's send path without UI (document text -> prepareRequest ->
 * sendRequest: POST, response check, history record into the history file), from the production
 * bundle, against a bare undici.request of the same bytes, both to the same emulator on loopback.
 *
 * Connection policy: the extension opens a private undici Agent per request and destroys it afterwards
 * (no keep-alive reuse), so the bare reference also uses a fresh Agent per request, destroyed after the
 * body is read. Both therefore pay one TCP connect per call; what differs is what the extension adds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import type * as Core from '../../src/core';
import { budgeted, errorRow, info, ms, type Row } from './lib/format';
import { BENCH_DIR, plainNodeEnv } from './lib/project';
import { interleave, median, quantile } from './lib/stats';

export const WARM_RATIO_BUDGET = 1.2;
export const COLD_MS_BUDGET = 150;

type CoreModule = typeof Core;

export async function measureSend(
  distDir: string,
  typical: string,
  options: { iterations: number; coldRuns: number },
): Promise<Row[]> {
  // The production bundle, as the editor layer loads it (loadCore()).
  const core = require(path.join(distDir, 'idenfy-core.js')) as CoreModule;
  const emulator = await core.startEmulator();
  const rows: Row[] = [];
  try {
    const target = {
      kind: 'emulator' as const,
      baseUrl: emulator.url,
      apiKey: emulator.apiKey,
      apiSecret: emulator.apiSecret,
    };
    const authorization = `Basic ${Buffer.from(`${emulator.apiKey}:${emulator.apiSecret}`).toString('base64')}`;
    const tokenUrl = `${emulator.url}/api/v2/token`;
    // One store for the whole run, as in the extension, on the extension's own storage: the history
    // file in a fresh global-storage folder. After warm-up it sits at its 200-entry cap.
    const historyFolder = mkdtempSync(path.join(tmpdir(), 'idenfy-bench-history-'));
    const history = new core.HistoryStore(new core.JsonFileStorage(historyFolder));
    const prepared0 = core.prepareRequest(typical);
    if (!prepared0.ok) throw new Error('the typical request does not prepare');
    const bytes = prepared0.body;

    const extensionSide = async () => {
      const t0 = performance.now();
      // document.getText() is an in-memory string: nothing to read from disk.
      const prepared = core.prepareRequest(typical);
      if (!prepared.ok) throw new Error('prepare failed');
      const abort = new AbortController();
      const outcome = await core.sendRequest({
        body: prepared.body,
        target,
        history,
        timeoutMs: 30_000,
        signal: abort.signal,
        log: () => {},
      });
      const t = performance.now() - t0;
      if (!outcome.ok || outcome.historyError) throw new Error(`send failed: ${JSON.stringify(outcome)}`);
      return t;
    };
    const bareSide = async () => {
      const t0 = performance.now();
      const agent = new Agent();
      const res = await request(tokenUrl, {
        method: 'POST',
        dispatcher: agent,
        headers: { authorization, 'content-type': 'application/json' },
        body: bytes,
      });
      const text = await res.body.text();
      await agent.destroy();
      const t = performance.now() - t0;
      if (res.statusCode !== 201 || text.length === 0) throw new Error(`bare request got ${res.statusCode}`);
      return t;
    };

    try {
      const warm = await interleave(extensionSide, bareSide, { warmup: 100, iterations: options.iterations });
      const ratio = median(warm.a) / median(warm.b);
      rows.push(
        budgeted(
          {
            figure: `Create Session warm: prepare + send + history (median of ${options.iterations}, p90 ${ms(quantile(warm.a, 0.9))})`,
            value: ms(median(warm.a)),
            reference: `bare undici.request, fresh Agent ${ms(median(warm.b))} (p90 ${ms(quantile(warm.b, 0.9))})`,
            ratio,
            budget: `ratio <= ${WARM_RATIO_BUDGET}`,
          },
          ratio <= WARM_RATIO_BUDGET,
        ),
      );
      rows.push(
        info({
          figure: 'Create Session warm: added by the extension (median difference)',
          value: ms(median(warm.a) - median(warm.b)),
        }),
      );
    } catch (err) {
      rows.push(errorRow('Create Session warm', err));
    }

    try {
      const cold: ColdResult[] = [];
      for (let i = 0; i < options.coldRuns; i++) {
        cold.push(
          await coldOnce(distDir, {
            url: emulator.url,
            apiKey: emulator.apiKey,
            apiSecret: emulator.apiSecret,
            text: typical,
          }),
        );
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
    }
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

function coldOnce(
  distDir: string,
  input: { url: string; apiKey: string; apiSecret: string; text: string },
): Promise<ColdResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(BENCH_DIR, 'cold-send-child.cjs'), path.join(distDir, 'idenfy-core.js')],
      { env: plainNodeEnv(), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{'))
        reject(new Error(`cold child exited ${code}: ${err.trim().slice(-400)}`));
      else resolve(JSON.parse(line) as ColdResult);
    });
    child.stdin.end(JSON.stringify(input));
  });
}
