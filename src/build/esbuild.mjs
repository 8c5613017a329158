// Bundles the extension (and the integration-test suite) with esbuild.
// `vscode` stays external: the extension host provides it.
import { rmSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// --outdir <dir>: the same build elsewhere (tests load the production bundle without touching dist/).
const outdirAt = process.argv.indexOf('--outdir');
const outdir = outdirAt >= 0 ? process.argv[outdirAt + 1] : 'dist';

/** Prints esbuild's result in the form VS Code's `$esbuild-watch` problem matcher expects. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  // jsonc-parser's `main` is a UMD build whose internal requires esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  logLevel: 'silent',
  plugins: [problemMatcherPlugin],
  // Test-only code (emulator fault modes, editor test hooks) sits behind this flag; see src/test-build.d.ts.
  define: { __IDENFY_TEST_BUILD__: production ? 'false' : 'true' },
};

// A clean dist/: no stale source maps or bundles can slip into the package.
rmSync(outdir, { recursive: true, force: true });

const contexts = [
  // Two bundles: extension.js (wiring and the thin editor layer) and idenfy-core.js (zod, undici,
  // jsonc-parser, the emulator). extension.js requires ./idenfy-core.js on first use only, so activation
  // parses none of the heavy code; see npm run bench.
  await esbuild.context({
    ...common,
    entryPoints: { extension: 'src/extension.ts', 'idenfy-core': 'src/core.ts' },
    outdir,
    external: ['vscode', './idenfy-core.js'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
  }),
];
if (!production) {
  contexts.push(
    await esbuild.context({
      ...common,
      entryPoints: { index: 'test/integration/index.ts' },
      outdir: 'out/test/integration',
      sourcemap: true,
    }),
  );
}

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  for (const c of contexts) {
    await c.rebuild();
    await c.dispose();
  }
}
