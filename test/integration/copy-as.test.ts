/**
 * Copy as cURL / Copy as Code and the Getting Started walkthrough in the real editor: the commands
 * put the expected text on the clipboard (vscode.env.clipboard), refuse a file with problems, never
 * copy the stored credentials, and copy a Sessions entry's follow-up call at its own base URL; the
 * walkthrough is contributed and opens, New Request File starts from a snippet, and the first-run
 * offer comes once (not at a test run's activation), also after a restart.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CopyAsResult } from '../../src/editor/copy-as';
import { exportRequest } from '../../src/export/formats';
import { prepareRequest } from '../../src/session/prepare';
import { activateExtension, createSession, history, openInEditor, workspaceFile } from './support';

const SENTINEL = 'clipboard before the copy';

async function copy(command: string, ...args: unknown[]): Promise<CopyAsResult> {
  return (await vscode.commands.executeCommand(command, ...args)) as CopyAsResult;
}

async function fileText(name: string): Promise<string> {
  return (await vscode.workspace.openTextDocument(workspaceFile(name))).getText();
}

describe('Copy as cURL / Copy as Code', () => {
  before(async () => {
    await activateExtension();
  });
  beforeEach(async () => {
    await vscode.env.clipboard.writeText(SENTINEL);
  });

  describe('with the emulator as the target', () => {
    let emulatorUrl = '';
    before(async () => {
      emulatorUrl = (await vscode.commands.executeCommand('idenfy.startEmulator')) as string;
    });
    after(async () => {
      await vscode.commands.executeCommand('idenfy.stopEmulator');
    });

    it('Copy as cURL (bash) on a request file copies the Create Session request for the emulator', async () => {
      const uri = workspaceFile('good.idenfy.json');
      await openInEditor(uri);
      const result = await copy('idenfy.copyAsCurl', uri, { format: 'bash' });
      assert.deepEqual(result, { status: 'copied', format: 'bash', url: `${emulatorUrl}/api/v2/token` });
      const prepared = prepareRequest(await fileText('good.idenfy.json'));
      assert.ok(prepared.ok);
      const expected = exportRequest('bash', {
        url: `${emulatorUrl}/api/v2/token`,
        body: prepared.body,
        title: 'iDenfy: create a verification session for user-42 (from good.idenfy.json)',
      });
      assert.equal(await vscode.env.clipboard.readText(), expected);
    });

    it('Copy as Code from the editor title (no argument) uses the active editor', async () => {
      await openInEditor(workspaceFile('good.idenfy.json'));
      const result = await copy('idenfy.copyAsCode', undefined, { format: 'node' });
      assert.equal(result.status, 'copied');
      const text = await vscode.env.clipboard.readText();
      assert.match(text, /^\/\/ iDenfy: create a verification session for user-42/);
      assert.ok(text.includes(`fetch("${emulatorUrl}/api/v2/token"`), text);
      assert.ok(text.includes('process.env.IDENFY_API_SECRET'), text);
    });

    it('a file with problems is refused, as Create Session refuses it, and nothing is copied', async () => {
      const uri = workspaceFile('bad.idenfy.json');
      await openInEditor(uri);
      const result = await copy('idenfy.copyAsCurl', uri, { format: 'bash' });
      assert.equal(result.status, 'invalid', JSON.stringify(result));
      if (result.status === 'invalid') {
        assert.ok(result.problems >= 8, `only ${result.problems} problems`);
        assert.match(result.message, /^bad\.idenfy\.json was not copied: \d+ problems/);
      }
      assert.equal(await vscode.env.clipboard.readText(), SENTINEL);
    });

    it("a Sessions entry copies its status call at the entry's base URL (PowerShell)", async () => {
      const created = await createSession('good.idenfy.json');
      assert.equal(created.status, 'created', JSON.stringify(created));
      const entry = (await history()).find((e) => created.status === 'created' && e.id === created.entryId);
      assert.ok(entry);
      const result = await copy('idenfy.copyAsCurl', entry, { call: 'status', format: 'powershell' });
      assert.deepEqual(result, {
        status: 'copied',
        format: 'powershell',
        url: `${entry.baseUrl}/api/v2/status`,
      });
      const text = await vscode.env.clipboard.readText();
      assert.equal(
        text,
        exportRequest('powershell', {
          url: `${entry.baseUrl}/api/v2/status`,
          body: JSON.stringify({ scanRef: entry.scanRef }),
          title: `iDenfy: check the status of verification ${entry.scanRef}`,
        }),
      );
    });
  });

  describe('with iDenfy as the target', () => {
    const apiKey = 'canary-key-3f9e1c77';
    const apiSecret = 'canary-secret-b81d04aa';
    before(async () => {
      const { api } = await activateExtension();
      await api.setCredentials(apiKey, apiSecret);
    });
    after(async () => {
      const { api } = await activateExtension();
      await api.clearCredentials();
    });

    it('copies for the iDenfy base URL, and the stored credentials never appear (canary)', async () => {
      const uri = workspaceFile('good.idenfy.json');
      for (const format of ['bash', 'powershell', 'node', 'python', 'php'] as const) {
        const command =
          format === 'bash' || format === 'powershell' ? 'idenfy.copyAsCurl' : 'idenfy.copyAsCode';
        const result = await copy(command, uri, { format });
        assert.deepEqual(result, { status: 'copied', format, url: 'https://ivs.idenfy.com/api/v2/token' });
        const text = await vscode.env.clipboard.readText();
        assert.ok(text.includes('IDENFY_API_SECRET'), `${format}: ${text}`);
        assert.ok(!text.includes(apiKey) && !text.includes(apiSecret), `${format} holds a credential`);
        const basic = Buffer.from(`${apiKey}:${apiSecret}`).toString('base64');
        assert.ok(!text.includes(basic), `${format} holds the encoded credentials`);
      }
    });

    it('a variant of the other family is refused (no copy)', async () => {
      const result = await copy('idenfy.copyAsCurl', workspaceFile('good.idenfy.json'), { format: 'python' });
      assert.deepEqual(result, { status: 'cancelled' });
      assert.equal(await vscode.env.clipboard.readText(), SENTINEL);
    });
  });
});

describe('Getting started', () => {
  it('the walkthrough is contributed and opens', async () => {
    const { ext } = await activateExtension();
    const walkthroughs = ext.packageJSON.contributes.walkthroughs as { id: string; steps: unknown[] }[];
    assert.deepEqual(
      walkthroughs.map((w) => [w.id, w.steps.length]),
      [['idenfy.gettingStarted', 6]],
    );
    await vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      'idenfy-tools.idenfy-session-tools#idenfy.gettingStarted',
      false,
    );
  });

  it('New Request File creates a *.idenfy.json from a snippet, which validates clean', async () => {
    const uri = (await vscode.commands.executeCommand('idenfy.newRequestFile')) as vscode.Uri;
    try {
      assert.match(uri.path, /\/request(-\d+)?\.idenfy\.json$/);
      const document = vscode.window.activeTextEditor?.document;
      assert.equal(document?.uri.toString(), uri.toString());
      const prepared = prepareRequest(document?.getText() ?? '');
      assert.ok(prepared.ok, document?.getText());
      assert.equal(prepared.clientId, '100000');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('the first-run offer was not made at activation in a test run, and comes once', async () => {
    const { api } = await activateExtension();
    assert.equal(await api.offerWalkthrough(), 'offered');
    assert.equal(await api.offerWalkthrough(), 'alreadyOffered');
    // Left offered: the @after-restart test checks that it stays so in a new VS Code process.
  });

  it('@after-restart the first-run offer is not made again after a restart', async () => {
    const { api } = await activateExtension();
    assert.equal(await api.offerWalkthrough(), 'alreadyOffered');
  });
});
