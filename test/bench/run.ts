/**
 * npm run bench: size, activation, editor validation, pre-send validation, Create Session and Check Status overhead,
 * each as a median of repeated runs and, where there is one, as a ratio to a reference measured in the
 * same run. Prints one table with the budgets; exits 1 when a budget is missed or a figure could not be
 * measured. Not part of npm test.
 *
 * Options: --skip-vscode (no real-VS-Code activation run), --vscode-runs N (default 3; each starts code-server + chromium, 20-60 s).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { measureActivation } from './activation';
import { measureCheckStatus } from './check-status';
import { measureEditorValidation } from './editor-validation';
import { FULL_TEXT, largeText, TYPICAL_TEXT } from './fixtures';
import { errorRow, type Row, renderTable } from './lib/format';
import { DIST } from './lib/project';
import { measurePreSend } from './presend';
import { measureSend } from './send';
import { analyseBundles, buildProduction, distUnchanged, measureSize, type Snapshot } from './size';
import { measureVsCode } from './vscode-host';

function flag(name: string): boolean {
  return process.argv.includes(name);
}
function numberOption(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function stage<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  log(`[bench] ${name} ...`);
  try {
    return await fn();
  } finally {
    log(`[bench] ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

function machine(): string[] {
  const cpus = os.cpus();
  return [
    `date:    ${new Date().toISOString()}`,
    `machine: ${os.type()} ${os.release()} ${os.arch()}, ${cpus[0]?.model ?? 'unknown cpu'}, ${cpus.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    `node:    ${process.version}`,
  ];
}

async function main(): Promise<number> {
  const started = Date.now();
  const rows: Row[] = [];
  const notes: string[] = [];
  let analysis: string[] = [];
  const header = machine();
  const startLoad = os.loadavg()[0] ?? 0;

  let snapshot: Snapshot | undefined;
  try {
    snapshot = await stage('npm run build:prod', buildProduction);
  } catch (err) {
    rows.push(errorRow('npm run build:prod', err));
  }
  const large = largeText();

  if (snapshot) {
    const s = snapshot;
    rows.push(...(await stage('size (dist/, vsce package)', () => measureSize(s, notes))));
    try {
      const analysed = await stage('esbuild metafile', () => analyseBundles(s));
      analysis = analysed.lines;
      rows.push(...analysed.rows);
    } catch (err) {
      analysis = [`metafile analysis failed: ${String(err)}`];
    }
    rows.push(...(await stage('activation (node + vscode stub)', () => measureActivation(s.dir, 21))));
  }

  try {
    rows.push(
      ...(await stage('editor validation', () =>
        measureEditorValidation(TYPICAL_TEXT, FULL_TEXT, large, { typical: 300, large: 15 }),
      )),
    );
  } catch (err) {
    rows.push(errorRow('editor validation', err));
  }

  try {
    rows.push(...(await stage('pre-send validation', async () => measurePreSend(TYPICAL_TEXT, large))));
  } catch (err) {
    rows.push(errorRow('pre-send validation', err));
  }

  if (snapshot) {
    const s = snapshot;
    try {
      rows.push(
        ...(await stage('Create Session (warm, cold)', () =>
          measureSend(s.dir, TYPICAL_TEXT, { iterations: 1000, coldRuns: 11 }),
        )),
      );
    } catch (err) {
      rows.push(errorRow('Create Session', err));
    }
    rows.push(...(await stage('Check Status (warm)', () => measureCheckStatus(s.dir, { iterations: 1000 }))));
  }
  const withoutVsCode = (Date.now() - started) / 1000;

  if (flag('--skip-vscode')) {
    rows.push({
      figure: 'activation in VS Code extension host',
      value: 'skipped: --skip-vscode',
      verdict: 'skipped',
    });
  } else if (snapshot) {
    const s = snapshot;
    if (!distUnchanged(s)) {
      notes.push(
        'dist/ was rebuilt by something else during the bench; restored the measured build for VS Code.',
      );
      fs.rmSync(DIST, { recursive: true, force: true });
      fs.cpSync(s.dir, DIST, { recursive: true });
    }
    rows.push(
      ...(await stage('activation in real VS Code (code-server)', () =>
        measureVsCode(numberOption('--vscode-runs', 3), log),
      )),
    );
  }
  if (snapshot) fs.rmSync(snapshot.dir, { recursive: true, force: true });

  const cores = os.cpus().length;
  const load = [startLoad, os.loadavg()[0] ?? 0];
  if (Math.max(...load) > cores * 0.5) {
    notes.push(
      `the machine was busy (1-minute load average ${load.map((l) => l.toFixed(2)).join(' at start, ')} at the end, on ${cores} cores): ` +
        'absolute timings are inflated; the ratios, measured interleaved, are the more reliable figures.',
    );
  }
  const out = [
    'iDenfy Session Tools benchmark (npm run bench)',
    ...header,
    '',
    renderTable(rows),
    '',
    'What the bytes are (esbuild metafile of the production build):',
    ...analysis,
    '',
    'Measured: activation = fresh `node` process with test/bench/vscode-stub.cjs as `vscode`, time from process',
    'start to activate() resolved; editor = vscode-json-languageservice, one service per schema, steady state;',
    'Create Session and Check Status = production dist/idenfy-core.js against its own emulator on 127.0.0.1 (Check Status:',
    'its stateful /api/v2/status for a session finished as APPROVED), fresh undici Agent',
    'per request on both sides (the extension never reuses connections); cold = fresh process, timer starts',
    'before require(idenfy-core.js).',
    ...(notes.length ? ['', 'Notes:', ...notes.map((n) => `- ${n}`)] : []),
    '',
  ];
  const failed = rows.filter((r) => r.verdict === 'FAIL' || r.verdict === 'ERROR');
  const took = `${withoutVsCode.toFixed(0)} s without the VS Code run, ${((Date.now() - started) / 1000).toFixed(0)} s in all.`;
  out.push(
    failed.length === 0
      ? `All budgets met (${took})`
      : `${failed.length} figure(s) over budget or not measured (${took}):\n${failed.map((r) => `  - ${r.figure}`).join('\n')}`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
