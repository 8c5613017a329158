import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type Emulator, startEmulator } from '../../src/emulator/server';
import { activateExtension, createSession, history, useProfile, workspaceFile } from './support';

const EXPECTED_COMMANDS = [
  'idenfy.createSession',
  'idenfy.setCredentials',
  'idenfy.clearCredentials',
  'idenfy.startEmulator',
  'idenfy.stopEmulator',
];

describe('Create Session', () => {
  before(async () => {
    await activateExtension();
  });

  it('registers every command the manifest declares', async () => {
    const { ext } = await activateExtension();
    const declared = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    for (const id of EXPECTED_COMMANDS) assert.ok(declared.includes(id), `${id} missing from package.json`);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of declared) assert.ok(registered.has(id), `${id} is declared but not registered`);
  });

  describe('against the built-in emulator', () => {
    before(async () => {
      await vscode.commands.executeCommand('idenfy.startEmulator');
    });
    after(async () => {
      await vscode.commands.executeCommand('idenfy.stopEmulator');
    });

    it('creates a session, records it in history and opens its session panel', async () => {
      const { api } = await activateExtension();
      const before = (await history()).length;
      const result = await createSession('good.idenfy.json');
      assert.equal(result.status, 'created', JSON.stringify(result));
      if (result.status !== 'created') return;

      const entries = await history();
      assert.equal(entries.length, before + 1);
      const entry = entries[0];
      assert.ok(entry);
      assert.equal(entry.scanRef, result.scanRef);
      assert.equal(entry.clientId, 'user-42');
      assert.equal(entry.target, 'emulator');

      // The panel opens after the command returns; its tab is the event to wait for.
      await new Promise<void>((resolve) => {
        const open = () => api.sessionPanels().some((p) => p.entryId === entry.id);
        if (open()) return resolve();
        const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
          if (open()) {
            sub.dispose();
            resolve();
          }
        });
      });
      const response = entry.response;
      assert.equal(response.scanRef, result.scanRef);
      assert.equal(response.firstName, 'JOHN TOM', 'the emulator upper-cases names, as iDenfy does');
      assert.equal(typeof response.authToken, 'string');
    });

    it('does not send a file with problems', async () => {
      const before = (await history()).length;
      const result = await createSession('bad.idenfy.json');
      assert.equal(result.status, 'invalid');
      if (result.status === 'invalid') assert.ok(result.problems >= 8, `only ${result.problems} problems`);
      assert.equal((await history()).length, before);
    });
  });

  describe('against the user-level iDenfy base URL', () => {
    let server: Emulator;
    before(async () => {
      server = await startEmulator();
      await useProfile('create-session', server);
    });
    after(async () => {
      const { api } = await activateExtension();
      await api.removeProfile('create-session');
      await server.close();
    });

    it('sends nothing for a bad file and exactly one POST for a good one', async () => {
      const bad = await createSession('bad.idenfy.json');
      assert.equal(bad.status, 'invalid');
      assert.equal(server.requests, 0, 'a request with problems reached the server');

      const good = await createSession('good.idenfy.json');
      assert.equal(good.status, 'created', JSON.stringify(good));
      assert.equal(server.requests, 1);
      assert.equal((await history())[0]?.target, 'idenfy');
    });

    it('maps a refused field to a diagnostic on that property', async () => {
      server.setFault({
        kind: 'status',
        status: 400,
        body: { identifier: 'BAD_VALUE', message: "Field 'firstName' is not valid for this account." },
      });
      const uri = workspaceFile('good.idenfy.json');
      const result = await createSession('good.idenfy.json');
      server.setFault(undefined);
      assert.equal(result.status, 'failed');
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'iDenfy');
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      assert.equal(diagnostics[0]?.range.start.line, 3, 'the diagnostic sits on "firstName"');
    });
  });
});
