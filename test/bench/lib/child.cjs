// Shared by the bench's child processes (cold-send-child.cjs, warm-send-child.cjs, warm-status-child.cjs),
// which run in plain node: the input arrives as JSON on stdin, the result leaves as one JSON line on stdout.
'use strict';
const { performance } = require('node:perf_hooks');
const { Agent, request } = require('undici');

async function readInput() {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Runs `main(input)`, prints what it returns as one JSON line and exits 0, or prints the error and exits 1. */
function runChild(main) {
  readInput()
    .then(main)
    .then(
      (result) => {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        process.exit(0);
      },
      (err) => {
        process.stderr.write(`${err?.stack ?? err}\n`);
        process.exit(1);
      },
    );
}

/**
 * The reference side: a bare undici.request POSTing `body` to `url`, with a fresh Agent destroyed after
 * the body is read, as the extension does. Returns its time in ms; throws on any other status.
 */
async function timeBareRequest(url, authorization, body, status) {
  const t0 = performance.now();
  const agent = new Agent();
  const res = await request(url, {
    method: 'POST',
    dispatcher: agent,
    headers: { authorization, 'content-type': 'application/json' },
    body,
  });
  const text = await res.body.text();
  await agent.destroy();
  const t = performance.now() - t0;
  if (res.statusCode !== status || text.length === 0) throw new Error(`bare request got ${res.statusCode}`);
  return t;
}

/**
 * Times each side `iterations` times in rotating order (no side always runs right after the same other
 * one), after a warm-up by time, not by count: V8 keeps optimising undici, node:http and our code for a
 * thousand requests or so, and a slow or busy machine needs longer. `sides` maps a name to a function
 * returning its time in ms. Returns { <name>: [ms], warmups }.
 */
async function timeInterleaved(sides, { warmupMs, minWarmup, iterations }) {
  const names = Object.keys(sides);
  const warmUntil = performance.now() + warmupMs;
  let warmups = 0;
  while (warmups < minWarmup || performance.now() < warmUntil) {
    for (const name of names) await sides[name]();
    warmups++;
  }
  const out = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < iterations; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length];
      out[name].push(await sides[name]());
    }
  }
  return { ...out, warmups };
}

module.exports = { runChild, timeBareRequest, timeInterleaved };
