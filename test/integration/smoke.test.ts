import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

const EXTENSION_ID = 'idenfy-tools.idenfy-session-tools';

describe('smoke', () => {
  it('the extension is installed and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not present`);
    const wasActive = ext.isActive;
    const start = performance.now();
    await ext.activate();
    const ms = performance.now() - start;
    // Read by test/bench: activation cost measured inside the extension host.
    if (wasActive) console.log('note: the extension was already active before activate() was called');
    console.log(`ACTIVATION_MS ${ms.toFixed(1)}`);
    assert.equal(ext.isActive, true);
  });
});
