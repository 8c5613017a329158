#!/usr/bin/env node
// `npm test`: every test layer in order, each as its own npm script, stopping at the first that
// fails. Prints each layer's counts and, last, one "N passed, N failed" line for the whole run.
import { spawn } from 'node:child_process';

/** [npm script, how to read its pass/fail counts from its output] */
const LAYERS = [
  ['lint', () => ({ passed: 1, failed: 0 })],
  ['check-types', () => ({ passed: 1, failed: 0 })],
  ['test:unit', (out) => sum(out, /^# pass (\d+)$/gm, /^# fail (\d+)$/gm)],
  ['test:integration', (out) => sum(out, /^\s+(\d+) passing/gm, /^\s+(\d+) failing/gm)],
  [
    'test:ui',
    (out) => {
      const m = /(\d+)\/(\d+) scenario\(s\) passed/.exec(out);
      return m ? { passed: Number(m[1]), failed: Number(m[2]) - Number(m[1]) } : { passed: 0, failed: 1 };
    },
  ],
];

function sum(text, pass, fail) {
  const total = (re) => [...text.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
  return { passed: total(pass), failed: total(fail) };
}

function run(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const rows = [];
let exitCode = 0;
for (const [script, count] of LAYERS) {
  const started = Date.now();
  const { code, out } = await run(script);
  const counts = count(out);
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  rows.push({ script, ...counts, seconds: ((Date.now() - started) / 1000).toFixed(1), code });
  if (code !== 0) {
    exitCode = code ?? 1;
    break;
  }
}
console.log('\nlayer              passed  failed  seconds');
for (const r of rows) {
  console.log(
    `${r.script.padEnd(18)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${r.seconds.padStart(7)}`,
  );
}
const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode);
