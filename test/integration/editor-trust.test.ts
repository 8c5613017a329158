/**
 * What a person gets from the editor when sending could surprise them: a second click while a send is
 * in flight, an emulator that did not start, a file whose (yellow) problems block it, and a response
 * opened twice. Runs against a real emulator set as the user-level iDenfy base URL.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CreateSessionCommandResult } from '../../src/editor/create-session';
import { type Emulator, startEmulator } from '../../src/emulator/server';
import {
  activateExtension,
  createSession,
  history,
  openInEditor,
  useProfile,
  workspaceFile,
} from './support';

async function setUserSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('idenfy').update(key, value, vscode.ConfigurationTarget.Global);
}

function tabsShowing(uri: vscode.Uri): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) =>
    g.tabs.filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()),
  );
}

/** Resolves once some tab shows `uri` (the response opens after the command has returned). */
function tabOpened(uri: vscode.Uri): Promise<void> {
  return new Promise((resolve) => {
    if (tabsShowing(uri).length > 0) return resolve();
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (tabsShowing(uri).length > 0) {
        sub.dispose();
        resolve();
      }
    });
  });
}

describe('editor trust', () => {
  let idenfy: Emulator;
  before(async () => {
    await activateExtension();
    idenfy = await startEmulator();
    await useProfile('editor-trust', idenfy);
  });
  after(async () => {
    const { api } = await activateExtension();
    await api.removeProfile('editor-trust');
    await setUserSetting('emulator.autoStart', undefined);
    await idenfy.close();
  });

  it('a second Create Session on a document in flight is refused, and only one POST is made', async () => {
    const uri = workspaceFile('good.idenfy.json');
    await openInEditor(uri);
    const before = idenfy.requests;
    // The emulator holds its answer, so the first send is surely still in flight.
    idenfy.setFault({ kind: 'delay', ms: 800 });
    try {
      const first = vscode.commands.executeCommand<CreateSessionCommandResult>('idenfy.createSession', uri);
      const second = vscode.commands.executeCommand<CreateSessionCommandResult>('idenfy.createSession', uri);
      const results = await Promise.all([first, second]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['created', 'busy'],
        JSON.stringify(results),
      );
      const busy = results[1];
      if (busy?.status === 'busy') assert.match(busy.message, /already running for good\.idenfy\.json/);
      assert.equal(idenfy.requests, before + 1, 'exactly one POST reached the server');
    } finally {
      idenfy.setFault(undefined);
    }
    // Once the first has finished, the document can be sent again.
    assert.equal((await createSession('good.idenfy.json')).status, 'created');
  });

  it('an emulator that failed to auto-start: nothing is sent to iDenfy, and the refusal says why', async () => {
    const { api } = await activateExtension();
    await setUserSetting('emulator.autoStart', true);
    await assert.rejects(api.autoStartEmulator(true), /injected by a test/);
    const before = idenfy.requests;
    const result = await createSession('good.idenfy.json');
    assert.equal(result.status, 'emulatorDown', JSON.stringify(result));
    if (result.status === 'emulatorDown') {
      assert.match(result.message, /Nothing was sent: the local emulator did not start/);
      assert.match(result.message, new RegExp(`iDenfy at ${new URL(idenfy.url).host}`));
    }
    assert.equal(idenfy.requests, before, 'the request went to iDenfy although the emulator was asked for');
    // Turning auto-start off is the user's choice of iDenfy: sending works again.
    await setUserSetting('emulator.autoStart', undefined);
    assert.equal((await createSession('good.idenfy.json')).status, 'created');
    assert.equal(idenfy.requests, before + 1);
  });

  it('a refused file: every problem becomes an error, and the refusal names the first one', async () => {
    const uri = workspaceFile('bad.idenfy.json');
    const before = idenfy.requests;
    const result = await createSession('bad.idenfy.json');
    assert.equal(result.status, 'invalid');
    if (result.status !== 'invalid') return;
    assert.equal(idenfy.requests, before);
    assert.match(
      result.message,
      /^bad\.idenfy\.json was not sent: \d+ problems would make iDenfy refuse it, the yellow schema warnings included; they are now marked as errors\. Line \d+: .+ \(and \d+ more\)$/,
    );
    const ours = vscode.languages
      .getDiagnostics(uri)
      .filter((d) => d.source === 'iDenfy' && d.severity === vscode.DiagnosticSeverity.Error);
    assert.equal(ours.length, result.problems, JSON.stringify(ours.map((d) => d.message)));
    assert.ok(
      ours.some((d) => d.message === 'Blocks sending: Unknown property "clientID". Did you mean "clientId"?'),
      JSON.stringify(ours.map((d) => d.message)),
    );
  });

  it('a response opened again shows its open tab, never a second copy', async () => {
    const created = await createSession('good.idenfy.json');
    assert.equal(created.status, 'created');
    if (created.status !== 'created') return;
    const entry = (await history()).find((e) => e.scanRef === created.scanRef);
    assert.ok(entry);
    const uri = vscode.Uri.from({ scheme: 'idenfy-session', path: `/${created.scanRef}.response.json` });
    // Create Session opens the session panel; the raw response opens from there or the Sessions view.
    await vscode.commands.executeCommand('idenfy.history.showResponse', entry);
    await tabOpened(uri);
    // As a person clicks the row twice: the second time the response's own group is the active one.
    await vscode.commands.executeCommand('idenfy.history.showResponse', entry);
    await vscode.commands.executeCommand('idenfy.history.showResponse', entry);
    await openInEditor(workspaceFile('good.idenfy.json'));
    await vscode.commands.executeCommand('idenfy.history.showResponse', entry);
    assert.equal(tabsShowing(uri).length, 1, 'tabs showing the response');
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.uri.toString() === uri.toString()).length, 1);
  });
});
