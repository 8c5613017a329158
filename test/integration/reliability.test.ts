/**
 * Reliability and security, proven in the real VS Code: a canary secret leaks nowhere, a workspace
 * cannot redirect credentials, and a created session survives a failing UI step and a restart.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
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

const CANARY_SECRET = 'canary-7Hq2ZxW9-secret-Lm4vPp8R';
const CANARY_KEY = 'canary-key-3Jd8';
const DURABLE_CLIENT_ID = 'durable-after-ui-failure';

async function setUserSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('idenfy').update(key, value, vscode.ConfigurationTarget.Global);
}

function writeWorkspaceFile(name: string, text: string): void {
  const uri = workspaceFile(name);
  fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
  fs.writeFileSync(uri.fsPath, text);
}

/** Every file below `dir`, for the canary scan. */
function* filesBelow(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesBelow(full);
    else if (entry.isFile()) yield full;
  }
}

/**
 * Resolves with the "iDenfy" log file's text once it holds `lines` request lines. The log is written
 * asynchronously, so this re-reads on every file-system change below `root` (bounded at 10 s).
 */
function iDenfyLogWithRequests(root: string, lines: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const read = () => {
      const file = [...filesBelow(root)].find((f) => /iDenfy\.log$/.test(f));
      const text = file ? fs.readFileSync(file, 'utf8') : '';
      return (text.match(/POST http/g) ?? []).length >= lines ? text : undefined;
    };
    const done = (text: string | undefined, error?: Error) => {
      watcher.close();
      clearTimeout(limit);
      if (text !== undefined) resolve(text);
      else reject(error);
    };
    const watcher = fs.watch(root, { recursive: true }, () => {
      const text = read();
      if (text !== undefined) done(text);
    });
    const limit = setTimeout(
      () => done(undefined, new Error(`the iDenfy log never held ${lines} request lines`)),
      10_000,
    );
    const text = read();
    if (text !== undefined) done(text);
  });
}

describe('reliability in the real VS Code', () => {
  let idenfy: Emulator;
  before(async () => {
    await activateExtension();
    idenfy = await startEmulator({ apiKey: CANARY_KEY, apiSecret: CANARY_SECRET });
    await useProfile('reliability', { url: idenfy.url, apiKey: CANARY_KEY, apiSecret: CANARY_SECRET });
    await setUserSetting('requestTimeoutSeconds', 1);
  });
  after(async () => {
    const { api } = await activateExtension();
    await api.removeProfile('reliability');
    await setUserSetting('requestTimeoutSeconds', undefined);
    await idenfy.close();
  });

  it('secrets: a canary API secret used in a full run, failures included, is found nowhere afterwards', async () => {
    const runDir = process.env.IDENFY_E2E_RUN_DIR;
    assert.ok(runDir, 'IDENFY_E2E_RUN_DIR is set by the runner');
    const results: CreateSessionCommandResult[] = [];
    results.push(await createSession('good.idenfy.json'));
    // Failures, including servers that quote the secret back.
    const faults = [
      {
        kind: 'status',
        status: 401,
        body: { identifier: 'UNAUTHORIZED', message: `Bad secret ${CANARY_SECRET}` },
      },
      {
        kind: 'status',
        status: 400,
        body: { identifier: 'BAD_VALUE', message: `Field 'firstName' ${CANARY_SECRET}` },
      },
      { kind: 'html500' },
      { kind: 'nonJson200' },
      { kind: 'tooManyRequests', retryAfter: 7 },
      { kind: 'resetMidResponse' },
      { kind: 'noAnswer' },
    ] as const;
    for (const fault of faults) {
      idenfy.setFault(fault);
      results.push(await createSession('good.idenfy.json'));
    }
    idenfy.setFault(undefined);
    results.push(await createSession('good.idenfy.json'));
    assert.equal(idenfy.requests, faults.length + 2, 'one POST per Create Session, none retried');
    assert.deepEqual(
      results.map((r) => r.status),
      ['created', ...faults.map(() => 'failed'), 'created'],
    );

    const basicAuth = Buffer.from(`${CANARY_KEY}:${CANARY_SECRET}`).toString('base64');
    const forms = [CANARY_SECRET, basicAuth];
    const found: string[] = [];
    const look = (where: string, text: string) => {
      for (const form of forms) if (text.includes(form)) found.push(where);
    };

    // Error messages shown to the user.
    for (const r of results) if (r.status === 'failed') look(`message of ${r.cause}`, r.message);
    // History and the response documents.
    look('history', JSON.stringify(await history()));
    for (const d of vscode.workspace.textDocuments) look(`document ${d.uri.toString()}`, d.getText());
    // Settings, as VS Code reads them.
    look('settings', JSON.stringify(vscode.workspace.getConfiguration('idenfy').inspect('apiBaseUrl')));
    look('settings', JSON.stringify(vscode.workspace.getConfiguration()));
    // The output channel's log file must exist and hold every request line before it is trusted clean.
    look('iDenfy log', await iDenfyLogWithRequests(runDir, faults.length + 2));
    // Every file of the run: user data (settings, global state, logs), extension storage, workspace, profile.
    let scanned = 0;
    for (const file of filesBelow(runDir)) {
      scanned++;
      look(path.relative(runDir, file), fs.readFileSync(file).toString('latin1'));
    }
    console.log(`canary: ${scanned} files and ${results.length} outcomes scanned, ${found.length} hits`);
    assert.deepEqual(found, [], `the canary secret leaked into: ${found.join(', ')}`);
  });

  it('credential redirection: a workspace idenfy.apiBaseUrl receives zero requests', async () => {
    const decoy = await startEmulator({ apiKey: CANARY_KEY, apiSecret: CANARY_SECRET });
    try {
      const read = new Promise<void>((resolve) => {
        const sub = vscode.workspace.onDidChangeConfiguration((e) => {
          if (e.affectsConfiguration('editor.tabSize')) {
            sub.dispose();
            resolve();
          }
        });
      });
      // editor.tabSize rides along so we know VS Code has read the file.
      writeWorkspaceFile(
        '.vscode/settings.json',
        JSON.stringify({ 'idenfy.apiBaseUrl': decoy.url, 'editor.tabSize': 3 }, null, 2),
      );
      await read;
      const before = idenfy.requests;
      const result = await createSession('good.idenfy.json');
      assert.equal(result.status, 'created', JSON.stringify(result));
      assert.equal(decoy.requests, 0, 'the workspace-chosen host received the request');
      assert.equal(idenfy.requests, before + 1, 'the user-level host received it');
    } finally {
      fs.rmSync(workspaceFile('.vscode').fsPath, { recursive: true, force: true });
      await decoy.close();
    }
  });

  it('a file whose text changes while the request is in flight: what was checked is what is sent', async () => {
    writeWorkspaceFile('in-flight.idenfy.json', JSON.stringify({ clientId: 'in-flight-A' }));
    const editor = await openInEditor(workspaceFile('in-flight.idenfy.json'));
    // The emulator holds its answer long enough for the document to change under the running command.
    await setUserSetting('requestTimeoutSeconds', 30);
    idenfy.setFault({ kind: 'delay', ms: 1500 });
    const document = editor.document;
    const edited = new Promise<boolean>((resolve, reject) => {
      idenfy.events.once('request', () => {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(
          document.uri,
          new vscode.Range(0, 0, document.lineCount, 0),
          '{"clientId": "in-flight-B"}',
        );
        vscode.workspace.applyEdit(edit).then(resolve, reject);
      });
    });
    const pending = vscode.commands.executeCommand(
      'idenfy.createSession',
      document.uri,
    ) as Thenable<CreateSessionCommandResult>;
    assert.equal(await edited, true, 'the edit was applied');
    assert.match(document.getText(), /in-flight-B/);
    const result = await pending;
    idenfy.setFault(undefined);
    await setUserSetting('requestTimeoutSeconds', 1);
    assert.equal(result.status, 'created', JSON.stringify(result));
    assert.equal(
      (await history())[0]?.clientId,
      'in-flight-A',
      'the checked text was sent, not the edited one',
    );
  });

  it('history durability: a UI step that throws after a 2xx loses nothing', async () => {
    const { api } = await activateExtension();
    writeWorkspaceFile('durable.idenfy.json', JSON.stringify({ clientId: DURABLE_CLIENT_ID }));
    const before = (await history()).length;
    const requestsBefore = idenfy.requests;
    api.failNextUiStep();
    await assert.rejects(createSession('durable.idenfy.json'), /injected by a test/);
    assert.equal(idenfy.requests, requestsBefore + 1);
    const entries = await history();
    assert.equal(entries.length, before + 1);
    assert.equal(entries[0]?.clientId, DURABLE_CLIENT_ID);
    // The @after-restart test below checks the same entry after VS Code has been restarted.
  });
});

describe('after a restart of VS Code', () => {
  it('@after-restart history durability: the entry written before the failing UI step is still there', async () => {
    await activateExtension();
    const entries = await history();
    const entry = entries.find((e) => e.clientId === DURABLE_CLIENT_ID);
    assert.ok(
      entry,
      `no history entry for ${DURABLE_CLIENT_ID} after the restart (${entries.length} entries)`,
    );
    assert.match(entry.scanRef, /^[0-9a-f-]{36}$/);
  });
});
