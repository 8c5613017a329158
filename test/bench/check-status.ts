/**
 * 6. Check Status overhead: what the extension's lifecycle path adds to a bare undici.request of the
 * same bytes, both to the production bundle's own emulator (its real, stateful /api/v2/status) on
 * loopback, as a median difference with the same budget as Create Session's warm figure. Measured as
 * Create Session's is: in a plain node child (warm-status-child.cjs) that starts the emulator from
 * dist/idenfy-core.js in its own process, as warm-send-child.cjs does.
 */
import * as path from 'node:path';
import { credentialFingerprint } from '../../src/http/credential-fingerprint';
import { budgeted, errorRow, ms, type Row } from './lib/format';
import { median, quantile } from './lib/stats';
import { runChild, WARM_ADDED_MS_BUDGET } from './send';

const WARMUP_MS = 3000;

export async function measureCheckStatus(distDir: string, options: { iterations: number }): Promise<Row[]> {
  try {
    const apiKey = 'bench-key';
    const warm = await runChild<{ a: number[]; b: number[]; warmups: number }>(
      'warm-status-child.cjs',
      path.join(distDir, 'idenfy-core.js'),
      {
        apiKey,
        fingerprint: credentialFingerprint(apiKey),
        warmupMs: WARMUP_MS,
        minWarmup: 200,
        iterations: options.iterations,
      },
    );
    const added = median(warm.a) - median(warm.b);
    return [
      budgeted(
        {
          figure: `Check Status warm: added by the extension's lifecycle path over a bare request (median of ${options.iterations} after ${warm.warmups} warm-up rounds)`,
          value: ms(added),
          reference: `requestForSession to the emulator's /api/v2/status ${ms(median(warm.a))} (p90 ${ms(quantile(warm.a, 0.9))}) vs bare undici.request, fresh Agent ${ms(median(warm.b))} (p90 ${ms(quantile(warm.b, 0.9))})`,
          budget: `<= ${WARM_ADDED_MS_BUDGET} ms`,
        },
        added <= WARM_ADDED_MS_BUDGET,
      ),
    ];
  } catch (err) {
    return [errorRow('Check Status warm', err)];
  }
}
