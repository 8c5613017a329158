/**
 * Packaging from a clean clone: the tracked files (what CI's fresh checkout holds: no dist/, no out/)
 * are copied to an empty folder, node_modules is linked in, and `npm run package` (vsce package
 * --no-dependencies) must build the extension itself (vscode:prepublish) and produce a .vsix holding
 * exactly what a user needs: the manifest, readme, changelog, licence, the two production bundles, the
 * schemas, the snippets and the icon. No source maps, tests, sources or node_modules.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';

const root = join(__dirname, '..', '..');

/** The part of yauzl's public API used here (yauzl comes with @vscode/vsce, which reads .vsix files with it). */
interface ZipEntry {
  fileName: string;
}
interface ZipFile {
  eachEntry(): AsyncIterable<ZipEntry>;
  openReadStreamPromise(entry: ZipEntry): Promise<NodeJS.ReadableStream>;
  close(): void;
}
const yauzl = createRequire(join(root, 'package.json'))('yauzl') as {
  openPromise(path: string, options?: { lazyEntries?: boolean }): Promise<ZipFile>;
};

function git(args: string[]): string {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const tracked = git(['ls-files', '-z']).split('\0').filter(Boolean);
let work = '';
let vsix = '';
let entries = new Map<string, string>();

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'idenfy-package-'));
  const clone = join(work, 'clone');
  for (const file of tracked) {
    const from = join(root, file);
    if (!existsSync(from)) continue; // deleted in the working tree, not yet committed
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    cpSync(from, join(clone, file));
  }
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'junction');
  vsix = join(work, 'extension.vsix');
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // no test-runner loader in the build
  const run = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], {
    cwd: clone,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(
    run.status,
    0,
    `npm run package in a clean copy failed (status ${run.status}):\n${run.stdout}\n${run.stderr}`,
  );
  const zip = await yauzl.openPromise(vsix);
  try {
    for await (const entry of zip.eachEntry()) {
      let text = '';
      if (entry.fileName.endsWith('.js')) {
        for await (const chunk of await zip.openReadStreamPromise(entry)) text += chunk.toString();
      }
      entries.set(entry.fileName, text);
    }
  } finally {
    zip.close();
  }
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  entries = new Map();
});

test('a clean copy packages, and the .vsix holds exactly the files a user needs', () => {
  const shipped = (dir: string) =>
    tracked.filter((f) => f.startsWith(`${dir}/`) && !f.endsWith('/')).map((f) => `extension/${f}`);
  const expected = [
    '[Content_Types].xml',
    'extension.vsixmanifest',
    'extension/package.json',
    'extension/readme.md',
    'extension/changelog.md',
    'extension/LICENSE.txt',
    'extension/dist/extension.js',
    'extension/dist/idenfy-core.js',
    'extension/images/icon.png',
    ...shipped('schemas'),
    ...shipped('snippets'),
    ...shipped('syntaxes'),
  ].sort();
  assert.ok(shipped('schemas').length > 0 && shipped('snippets').length > 0, 'no schemas/snippets tracked');
  assert.deepEqual([...entries.keys()].sort(), expected);
});

test('the packaged bundles are the production build (minified, no source maps)', () => {
  for (const name of ['extension/dist/extension.js', 'extension/dist/idenfy-core.js']) {
    const text = entries.get(name) ?? '';
    assert.ok(text.length > 0, `${name} is empty`);
    assert.doesNotMatch(text, /sourceMappingURL/, `${name} points at a source map`);
    // esbuild's development output averages ~40 characters a line; minified output thousands.
    const perLine = text.length / text.split('\n').length;
    assert.ok(perLine > 1000, `${name} is not minified (${Math.round(perLine)} characters a line)`);
  }
});
