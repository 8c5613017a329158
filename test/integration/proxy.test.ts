import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type Emulator, startEmulator } from '../../src/emulator/server';
import { type ForwardProxy, startForwardProxy } from '../support/forward-proxy';
import { activateExtension, createSession, history, useProfile } from './support';

/**
 * Proxy support as a user has it: `http.proxy` in the user settings of the real editor, the shipped
 * extension bundle, and a forward proxy on 127.0.0.1 in front of an emulator that stands in for
 * iDenfy at the active profile's base URL (loopback targets are proxied too: only the built-in
 * emulator never is).
 */
describe('Create Session through http.proxy', () => {
  let server: Emulator;
  let proxy: ForwardProxy;
  const http = () => vscode.workspace.getConfiguration('http');
  let previousProxy: string | undefined;

  before(async () => {
    await activateExtension();
    await vscode.commands.executeCommand('idenfy.stopEmulator');
    server = await startEmulator();
    proxy = await startForwardProxy();
    await useProfile('proxy', server);
    previousProxy = http().inspect<string>('proxy')?.globalValue;
    await http().update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    const { api } = await activateExtension();
    await http().update('proxy', previousProxy, vscode.ConfigurationTarget.Global);
    await api.removeProfile('proxy');
    await proxy.close();
    await server.close();
  });

  it('the proxy sees the POST and the target gets exactly one', async () => {
    assert.equal(http().get<string>('proxy'), proxy.url);
    const result = await createSession('good.idenfy.json');
    assert.equal(result.status, 'created', JSON.stringify(result));
    assert.deepEqual(proxy.seen, [{ method: 'POST', target: `${server.url}/api/v2/token` }]);
    assert.equal(server.requests, 1);
    if (result.status === 'created') assert.equal((await history())[0]?.scanRef, result.scanRef);
  });

  it('a proxy value without a scheme is refused with a specific message, and nothing is sent', async () => {
    const bare = proxy.url.replace(/^http:\/\//, '');
    await http().update('proxy', bare, vscode.ConfigurationTarget.Global);
    try {
      const seen = proxy.seen.length;
      const result = await createSession('good.idenfy.json');
      assert.equal(result.status, 'failed', JSON.stringify(result));
      if (result.status === 'failed') {
        assert.equal(result.cause, 'proxyError');
        assert.match(result.message, /has no scheme/);
        assert.ok(result.message.includes(`http://${bare}`), result.message);
      }
      assert.equal(proxy.seen.length, seen);
      assert.equal(server.requests, 1);
    } finally {
      await http().update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
    }
  });
});
