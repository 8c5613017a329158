// Warm Check Status overhead, in a plain `node` process as in the extension host (see
// warm-send-child.cjs for why not under tsx): `node warm-status-child.cjs <idenfy-core.js>`, with
// { serverFile, apiKey, fingerprint, warmupMs, minWarmup, iterations } as JSON on stdin. Starts the
// iDenfy-shaped test server (bundled by check-status.ts) in this process, as warm-send-child.cjs starts
// the emulator, with one verification that never expires. Times in rotating order:
//   a. the extension's Check Status path: requestForSession (credentials rule with the key's
//      fingerprint, URL, POST, response check, log line);
//   b. a bare undici.request of the same bytes to the same server.
// Both open a fresh undici Agent per request and destroy it after reading the body, as the extension
// does. Prints { a, b: [ms], warmups }.
'use strict';
const { runChild } = require('./lib/child.cjs');
const { performance } = require('node:perf_hooks');
const path = require('node:path');
const { Agent, request } = require('undici');

async function main(input) {
  const core = require(path.resolve(process.argv[2]));
  const server = await require(input.serverFile).startIdenfyTestServer({ apiKey: input.apiKey });
  try {
    return await measure(core, server, input);
  } finally {
    await server.close();
  }
}

async function measure(core, server, input) {
  const scanRef = 'bench-scan-ref';
  server.verifications.set(scanRef, {
    scanRef,
    clientId: 'bench-client',
    expiresAt: server.now + 86_400_000,
    overall: 'APPROVED',
  });
  const credentials = { apiKey: server.apiKey, apiSecret: server.apiSecret };
  const entry = {
    scanRef,
    clientId: 'bench-client',
    target: 'idenfy',
    baseUrl: server.url,
    credentialFingerprint: input.fingerprint,
  };
  const authorization = `Basic ${Buffer.from(`${server.apiKey}:${server.apiSecret}`).toString('base64')}`;
  const statusUrl = `${server.url}/api/v2/status`;
  const bytes = JSON.stringify({ scanRef });

  const extensionSide = async () => {
    const t0 = performance.now();
    const result = await core.requestForSession({
      entry,
      request: { kind: 'status' },
      credentials,
      timeoutMs: 30_000,
      signal: new AbortController().signal,
      log: () => {},
    });
    const t = performance.now() - t0;
    if (!result.ok) throw new Error(`Check Status failed: ${JSON.stringify(result.failure)}`);
    return t;
  };
  const bareSide = async () => {
    const t0 = performance.now();
    const agent = new Agent();
    const res = await request(statusUrl, {
      method: 'POST',
      dispatcher: agent,
      headers: { authorization, 'content-type': 'application/json' },
      body: bytes,
    });
    const text = await res.body.text();
    await agent.destroy();
    const t = performance.now() - t0;
    if (res.statusCode !== 200 || text.length === 0) throw new Error(`bare request got ${res.statusCode}`);
    return t;
  };

  // Warm up by time, as warm-send-child.cjs does.
  const warmUntil = performance.now() + input.warmupMs;
  let warmups = 0;
  while (warmups < input.minWarmup || performance.now() < warmUntil) {
    await extensionSide();
    await bareSide();
    warmups++;
  }
  const out = { a: [], b: [] };
  const sides = [async () => out.a.push(await extensionSide()), async () => out.b.push(await bareSide())];
  for (let i = 0; i < input.iterations; i++) {
    for (let k = 0; k < sides.length; k++) await sides[(i + k) % sides.length]();
  }
  return { ...out, warmups };
}

runChild(main);
