/**
 * 6. Check Status overhead: what the extension's lifecycle path adds to a bare undici.request of the
 * same bytes, both to the iDenfy-shaped test server (test/support/idenfy-test-server.ts) on loopback,
 * from the production bundle, as a median difference with the same budget as Create Session's warm
 * figure. Measured as Create Session's is: in a plain node child (warm-status-child.cjs) that runs the
 * server in its own process, as warm-send-child.cjs runs the emulator; the server is bundled to
 * CommonJS for it here, since the child runs without tsx.
 */
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { credentialFingerprint } from '../../src/http/credential-fingerprint';
import { budgeted, errorRow, ms, type Row } from './lib/format';
import { makeTempDir, ROOT } from './lib/project';
import { median, quantile } from './lib/stats';
import { runChild, WARM_ADDED_MS_BUDGET } from './send';

const WARMUP_MS = 3000;

export async function measureCheckStatus(distDir: string, options: { iterations: number }): Promise<Row[]> {
  try {
    const serverFile = path.join(makeTempDir('idenfy-bench-status-'), 'idenfy-test-server.cjs');
    buildSync({
      entryPoints: [path.join(ROOT, 'test', 'support', 'idenfy-test-server.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: serverFile,
      logLevel: 'silent',
    });
    const apiKey = 'bench-key';
    const warm = await runChild<{ a: number[]; b: number[]; warmups: number }>(
      'warm-status-child.cjs',
      path.join(distDir, 'idenfy-core.js'),
      {
        serverFile,
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
          reference: `requestForSession ${ms(median(warm.a))} (p90 ${ms(quantile(warm.a, 0.9))}) vs bare undici.request, fresh Agent ${ms(median(warm.b))} (p90 ${ms(quantile(warm.b, 0.9))})`,
          budget: `<= ${WARM_ADDED_MS_BUDGET} ms`,
        },
        added <= WARM_ADDED_MS_BUDGET,
      ),
    ];
  } catch (err) {
    return [errorRow('Check Status warm', err)];
  }
}
