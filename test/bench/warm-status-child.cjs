// Warm Check Status overhead, in a plain `node` process as in the extension host (see
// warm-send-child.cjs for why not under tsx): `node warm-status-child.cjs <idenfy-core.js>`, with
// { apiKey, fingerprint, warmupMs, minWarmup, iterations } as JSON on stdin. Starts the bundle's
// emulator in this process, as warm-send-child.cjs does, creates one session through its
// /api/v2/token and finishes it as APPROVED, so every status answer carries a full result. Times in
// rotating order:
//   a. the extension's Check Status path: requestForSession (credentials rule with the key's
//      fingerprint, URL, POST, response check, log line);
//   b. a bare undici.request of the same bytes to the same server.
// Both open a fresh undici Agent per request and destroy it after reading the body, as the extension
// does. Prints { a, b: [ms], warmups }.
'use strict';
const { runChild, timeBareRequest, timeInterleaved } = require('./lib/child.cjs');
const { performance } = require('node:perf_hooks');
const path = require('node:path');
const { request } = require('undici');

async function main(input) {
  const core = require(path.resolve(process.argv[2]));
  const emulator = await core.startEmulator({ apiKey: input.apiKey });
  try {
    return await measure(core, emulator, input);
  } finally {
    await emulator.close();
  }
}

async function measure(core, server, input) {
  const authorization = `Basic ${Buffer.from(`${server.apiKey}:${server.apiSecret}`).toString('base64')}`;
  const created = await request(`${server.url}/api/v2/token`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: 'bench-client', firstName: 'Bench', lastName: 'Client' }),
  });
  const session = await created.body.json();
  if (created.statusCode !== 201) throw new Error(`creating the session got ${created.statusCode}`);
  const scanRef = session.scanRef;
  if (server.complete(scanRef, { kind: 'APPROVED' }) !== 'APPROVED') throw new Error('complete() failed');
  const credentials = { apiKey: server.apiKey, apiSecret: server.apiSecret };
  const entry = {
    scanRef,
    clientId: 'bench-client',
    target: 'emulator',
    baseUrl: server.url,
    credentialFingerprint: input.fingerprint,
  };
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
    if (!result.ok || result.body.status !== 'APPROVED')
      throw new Error(`Check Status failed: ${JSON.stringify(result.ok ? result.body : result.failure)}`);
    return t;
  };
  const bareSide = () => timeBareRequest(statusUrl, authorization, bytes, 200);
  const { extension, bare, warmups } = await timeInterleaved(
    { extension: extensionSide, bare: bareSide },
    input,
  );
  return { a: extension, b: bare, warmups };
}

runChild(main);
