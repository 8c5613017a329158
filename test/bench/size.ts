/**
 * 1. Size: the production build (npm run build:prod), every file under dist/, the packaged .vsix, and an
 * esbuild metafile of the same build to say what the bytes are.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { budgeted, bytes, errorRow, info, type Row } from './lib/format';
import { DIST, listFiles, makeTempDir, ROOT, run } from './lib/project';
import { zipEntries } from './lib/zip';

export const VSIX_BUDGET_BYTES = 500_000; // "500 KB", read strictly as 500,000 bytes

export interface Snapshot {
  /** A private copy of dist/ right after the production build: other work in the repo may rebuild dist/. */
  dir: string;
  files: { name: string; size: number }[];
}

/** npm run build:prod, then copies dist/ aside so every later measurement uses exactly this build. */
export async function buildProduction(): Promise<Snapshot> {
  const r = await run('npm', ['run', '--silent', 'build:prod'], { timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`npm run build:prod failed (${r.code}):\n${r.output}`);
  const files = listFiles(DIST);
  if (files.some((f) => f.name.endsWith('.map'))) {
    throw new Error('dist/ holds source maps right after build:prod: another build ran at the same time');
  }
  const dir = makeTempDir('idenfy-bench-dist-');
  fs.cpSync(DIST, dir, { recursive: true });
  return { dir, files: listFiles(dir) };
}

/** True when dist/ in the repo still holds the snapshot's build. */
export function distUnchanged(snapshot: Snapshot): boolean {
  const now = fs.existsSync(DIST) ? listFiles(DIST) : [];
  return JSON.stringify(now) === JSON.stringify(snapshot.files);
}

export async function measureSize(snapshot: Snapshot, notes: string[]): Promise<Row[]> {
  const rows: Row[] = snapshot.files.map((f) =>
    info({ figure: `size dist/${f.name}`, value: bytes(f.size) }),
  );
  rows.push(
    info({
      figure: 'size dist/ total',
      value: bytes(snapshot.files.reduce((s, f) => s + f.size, 0)),
    }),
  );
  try {
    rows.push(await packageVsix(snapshot, notes));
  } catch (err) {
    rows.push(errorRow('size .vsix (vsce package --no-dependencies)', err));
  }
  return rows;
}

async function packageVsix(snapshot: Snapshot, notes: string[]): Promise<Row> {
  const out = path.join(makeTempDir('idenfy-bench-vsix-'), 'bench.vsix');
  try {
    for (let attempt = 1; ; attempt++) {
      if (!distUnchanged(snapshot)) {
        // Someone rebuilt dist/ meanwhile; put the measured build back before packaging it.
        fs.rmSync(DIST, { recursive: true, force: true });
        fs.cpSync(snapshot.dir, DIST, { recursive: true });
      }
      const r = await run('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--out', out], {
        timeoutMs: 120_000,
      });
      if (r.code !== 0) throw new Error(`vsce package failed (${r.code}): ${r.output.trim().slice(-500)}`);
      // The package must contain the build that was measured, byte for byte in size.
      const packed = zipEntries(out)
        .filter((e) => e.name.startsWith('extension/dist/'))
        .map((e) => ({ name: e.name.slice('extension/dist/'.length), size: e.size }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const expected = snapshot.files.filter((f) => f.name.endsWith('.js'));
      if (JSON.stringify(packed) === JSON.stringify(expected)) break;
      if (attempt >= 2) throw new Error('dist/ kept changing while packaging (a concurrent build?)');
      notes.push('dist/ changed while packaging; restored the measured build and packaged again.');
    }
    const size = fs.statSync(out).size;
    return budgeted(
      {
        figure: 'size .vsix (vsce package --no-dependencies)',
        value: bytes(size),
        budget: `<= ${VSIX_BUDGET_BYTES.toLocaleString('en')} B`,
      },
      size <= VSIX_BUDGET_BYTES,
    );
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

/**
 * The production build again, in memory, with a metafile. The options mirror src/build/esbuild.mjs
 * (production); the output sizes are compared with dist/ so drift between the two is reported.
 */
export async function analyseBundles(snapshot: Snapshot): Promise<{ lines: string[]; rows: Row[] }> {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    entryPoints: { extension: 'src/extension.ts', 'idenfy-core': 'src/core.ts' },
    outdir: 'dist',
    external: ['vscode', './idenfy-core.js'],
    minify: true,
    sourcemap: false,
    write: false,
    metafile: true,
    define: { __IDENFY_TEST_BUILD__: 'false' },
    logLevel: 'silent',
  });
  const lines: string[] = [];
  const rows: Row[] = [];
  for (const file of result.outputFiles) {
    const name = path.basename(file.path);
    const built = snapshot.files.find((f) => f.name === name)?.size;
    if (built !== file.contents.length) {
      lines.push(
        `warning: the analysis build of ${name} is ${file.contents.length} B but dist/${name} is ${built} B: src/build/esbuild.mjs options changed; update test/bench/size.ts`,
      );
    }
  }
  for (const [outName, output] of Object.entries(result.metafile.outputs)) {
    const name = path.basename(outName);
    const byPackage = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = groupOf(input);
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
    }
    const total = output.bytes;
    lines.push(`dist/${name}: ${bytes(total)}, by origin (bytes in the minified output):`);
    for (const [key, size] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
      lines.push(
        `  ${key.padEnd(34)} ${String(size).padStart(9)} B  ${((100 * size) / total).toFixed(1).padStart(5)} %`,
      );
    }
    const topFiles = Object.entries(output.inputs)
      .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
      .slice(0, 8);
    if (name === 'idenfy-core.js') {
      lines.push('  largest single inputs:');
      for (const [input, { bytesInOutput }] of topFiles) {
        lines.push(`    ${input.padEnd(60)} ${String(bytesInOutput).padStart(8)} B`);
      }
      const locales = Object.entries(output.inputs).filter(([i]) =>
        /node_modules\/zod\/.*\/locales\//.test(i),
      );
      const localeBytes = locales.reduce((s, [, v]) => s + v.bytesInOutput, 0);
      lines.push(
        `  zod locales bundled: ${locales.length} files, ${bytes(localeBytes)} (${((100 * localeBytes) / total).toFixed(1)} % of the bundle)`,
      );
    }
    if (name === 'extension.js') {
      rows.push(lazyCodeRow(Object.keys(output.inputs)));
      const heavy = Object.keys(output.inputs).filter((i) => i.includes('node_modules/'));
      lines.push(
        heavy.length === 0
          ? '  no node_modules input in extension.js (zod, undici, jsonc-parser all stay in idenfy-core.js)'
          : `  WARNING: extension.js bundles ${heavy.length} node_modules files, e.g. ${heavy.slice(0, 3).join(', ')}`,
      );
    }
  }
  return { lines, rows };
}

/**
 * Code that must stay in idenfy-core.js, loaded on first use: the activation figures count modules
 * loaded at run time, which cannot see source files bundled into extension.js itself, so the
 * metafile is checked too. The lifecycle (client, session requests, result model) and the emulator
 * are the newest such code.
 */
const LAZY_ONLY = [
  /(?:^|\/)node_modules\//,
  /^src\/emulator\//,
  /^src\/http\/(?:request|verification-client|pdf|status-failures|network-failures)\.ts$/,
  /^src\/session\/(?:lifecycle|send|prepare)\.ts$/,
  /^src\/model\//,
  /^src\/panel\//,
];

function lazyCodeRow(inputs: string[]): Row {
  const found = inputs.filter((i) => LAZY_ONLY.some((re) => re.test(i)));
  return budgeted(
    {
      figure:
        'extension.js bundles none of the lazily loaded code (emulator, lifecycle client, result/request model, zod, undici)',
      value: found.length === 0 ? 'none' : `${found.length}: ${found.slice(0, 4).join(', ')}`,
      budget: 'none',
    },
    found.length === 0,
  );
}

function groupOf(input: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(input);
  if (m) {
    const [, pkg, rest = ''] = m;
    if (pkg === 'zod' && /\/locales\//.test(rest)) return 'zod (locales)';
    if (pkg === 'zod' && /from-json-schema|json-schema|to-json-schema/.test(rest))
      return 'zod (JSON Schema conversion)';
    if (pkg === 'undici' && /llhttp/.test(rest)) return 'undici (llhttp wasm)';
    if (pkg === 'undici' && /lib\/web\//.test(rest)) return 'undici (fetch/websocket/cache: lib/web)';
    return pkg as string;
  }
  return input.split('/').slice(0, 2).join('/');
}
