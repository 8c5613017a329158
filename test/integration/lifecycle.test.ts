/**
 * The lifecycle of a session in the real editor, against the built-in emulator: complete it as
 * DENIED with a fraud tag, Check Status, Show Result, and Delete Personal Data refused before the
 * token expires and accepted after (the emulator's clock is moved, nothing waits).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LifecycleCommandResult } from '../../src/editor/session-commands';
import { type Emulator, startEmulator } from '../../src/emulator/server';
import type { HistoryEntry } from '../../src/history/store';
import { FRAUD_TAGS } from '../../src/model/result-vocabulary';
import { activateExtension, createSession, history, nextOpenedDocument, useProfile } from './support';

const DAY_MS = 86_400_000;

async function run(command: string, ...args: unknown[]): Promise<LifecycleCommandResult> {
  return (await vscode.commands.executeCommand(command, ...args)) as LifecycleCommandResult;
}

async function entryOf(id: string): Promise<HistoryEntry> {
  const entry = (await history()).find((e) => e.id === id);
  assert.ok(entry, `history entry ${id} is gone`);
  return entry;
}

describe('Session lifecycle (emulator)', () => {
  let moved = 0;
  before(async () => {
    await activateExtension();
    await vscode.commands.executeCommand('idenfy.startEmulator');
  });
  after(async () => {
    const { api } = await activateExtension();
    api.advanceEmulatorClock(-moved);
    await vscode.commands.executeCommand('idenfy.stopEmulator');
  });

  it('complete as DENIED with a fraud tag -> Check Status -> Show Result -> delete refused, then accepted', async () => {
    const { api } = await activateExtension();
    const created = await createSession('good.idenfy.json');
    assert.equal(created.status, 'created', JSON.stringify(created));
    if (created.status !== 'created') return;
    const id = created.entryId;
    assert.equal(api.sessionRow(id)?.description.split(' · ')[0], 'active');

    const completed = await run('idenfy.history.completeEmulator', await entryOf(id), {
      kind: 'DENIED',
      face: 'FACE_MISMATCH',
      fraudTags: ['FACE_IN_BLACKLIST'],
    });
    assert.deepEqual(completed, { status: 'ok', overall: 'DENIED' });
    // Completing is the emulator's doing: what the history knows changes only when iDenfy is asked.
    assert.equal((await entryOf(id)).status, undefined);

    const checked = await run('idenfy.history.checkStatus', await entryOf(id));
    assert.deepEqual(checked, { status: 'ok', overall: 'DENIED' });
    const stored = await entryOf(id);
    assert.equal(stored.status?.overall, 'DENIED');
    assert.ok(Date.now() - Date.parse(stored.status?.checkedAt ?? '') < 60_000);
    const row = api.sessionRow(id);
    assert.ok(row);
    assert.match(row.description, /^denied · /);
    assert.equal(row.icon, 'error');
    assert.equal(row.contextValue, 'idenfySession.active.emulator');
    assert.match(row.tooltip, /\*\*status\*\* denied \(checked just now\)/);

    const opened = nextOpenedDocument((d) => d.uri.path.endsWith('.result.md'));
    assert.deepEqual(await run('idenfy.history.showResult', await entryOf(id)), {
      status: 'ok',
      overall: 'DENIED',
    });
    const text = (await opened).getText();
    const meaning = FRAUD_TAGS.find((t) => t.value === 'FACE_IN_BLACKLIST')?.description;
    assert.ok(meaning);
    assert.ok(text.startsWith('# Verification DENIED'), text.slice(0, 200));
    assert.ok(text.includes(`\`FACE_IN_BLACKLIST\`: ${meaning}`), text);
    // The result is shown, never stored: the history keeps the status word only.
    assert.doesNotMatch(JSON.stringify(await entryOf(id)), /FACE_IN_BLACKLIST|fileUrls/);

    // Save PDF Report writes where it is told (the save dialog's answer); the history never holds it.
    const pdfFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'idenfy-pdf-')), 'report.pdf');
    const saved = await run('idenfy.history.savePdf', await entryOf(id), {
      language: 'lt',
      uri: vscode.Uri.file(pdfFile),
    });
    assert.equal(saved.status, 'ok', JSON.stringify(saved));
    assert.equal(fs.readFileSync(pdfFile).subarray(0, 5).toString('latin1'), '%PDF-');
    assert.doesNotMatch(JSON.stringify(await entryOf(id)), /%PDF|JVBER/);

    const refused = await run('idenfy.history.deletePersonalData', await entryOf(id), { confirmed: true });
    assert.equal(refused.status, 'failed', JSON.stringify(refused));
    if (refused.status === 'failed') {
      assert.equal(refused.cause, 'tokenNotExpired');
      assert.ok(refused.message.includes(new Date(stored.expiresAt).toLocaleString()), refused.message);
    }
    assert.equal((await entryOf(id)).status?.overall, 'DENIED');

    api.advanceEmulatorClock(2 * DAY_MS);
    moved += 2 * DAY_MS;
    const deleted = await run('idenfy.history.deletePersonalData', await entryOf(id), { confirmed: true });
    assert.deepEqual(deleted, { status: 'ok', overall: 'DELETED' });
    assert.equal((await entryOf(id)).status?.overall, 'DELETED');
    assert.equal(api.sessionRow(id)?.icon, 'trash');
    assert.deepEqual(await run('idenfy.history.checkStatus', await entryOf(id)), {
      status: 'ok',
      overall: 'DELETED',
    });
  });

  it('a session of an emulator run that ended is not asked of anyone', async () => {
    const created = await createSession('good.idenfy.json');
    assert.equal(created.status, 'created', JSON.stringify(created));
    if (created.status !== 'created') return;
    await vscode.commands.executeCommand('idenfy.stopEmulator');
    try {
      const result = await run('idenfy.history.checkStatus', await entryOf(created.entryId));
      assert.equal(result.status, 'failed', JSON.stringify(result));
      if (result.status === 'failed') {
        assert.equal(result.cause, 'credentialsMissing');
        assert.match(result.message, /not running, so nothing was sent/);
      }
      // A new run listens elsewhere with new credentials: still not the emulator that made the session.
      await vscode.commands.executeCommand('idenfy.startEmulator');
      const again = await run('idenfy.history.checkStatus', await entryOf(created.entryId));
      assert.equal(again.status, 'failed', JSON.stringify(again));
      assert.equal((await entryOf(created.entryId)).status, undefined);
    } finally {
      await vscode.commands.executeCommand('idenfy.startEmulator');
    }
  });
});

describe('Session lifecycle (iDenfy target)', () => {
  let server: Emulator;
  const config = () => vscode.workspace.getConfiguration('idenfy');
  before(async () => {
    await activateExtension();
    // An iDenfy-shaped server on loopback, reached as "iDenfy" through the active profile.
    server = await startEmulator();
    await useProfile('lifecycle', server);
    await config().update('apiBaseUrl', server.url, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    const { api } = await activateExtension();
    await api.removeProfile('lifecycle');
    await config().update('apiBaseUrl', undefined, vscode.ConfigurationTarget.Global);
    await server.close();
  });

  it('asks where the session was created, with its key; a changed key is named instead of sent', async () => {
    const { api } = await activateExtension();
    const created = await createSession('good.idenfy.json');
    assert.equal(created.status, 'created', JSON.stringify(created));
    if (created.status !== 'created') return;
    const id = created.entryId;
    assert.equal((await entryOf(id)).target, 'idenfy');
    assert.deepEqual(await run('idenfy.history.checkStatus', await entryOf(id)), {
      status: 'ok',
      overall: 'ACTIVE',
    });

    // Emulator-only command: refused for an iDenfy session.
    const complete = await run('idenfy.history.completeEmulator', await entryOf(id), { kind: 'APPROVED' });
    assert.equal(complete.status, 'failed');

    await api.setCredentials('another-key', 'another-secret');
    const refused = await run('idenfy.history.checkStatus', await entryOf(id));
    assert.equal(refused.status, 'failed', JSON.stringify(refused));
    if (refused.status === 'failed') {
      assert.equal(refused.cause, 'credentialsChanged');
      assert.match(refused.message, /has changed since session .* was created, so nothing was sent/);
      assert.doesNotMatch(refused.message, /another-secret/);
    }

    // The key that created it, and a base URL setting that points elsewhere now: the session's own is used.
    await api.setCredentials(server.apiKey, server.apiSecret);
    await config().update('apiBaseUrl', 'https://ivs.idenfy.invalid', vscode.ConfigurationTarget.Global);
    server.complete(created.scanRef, { kind: 'APPROVED' });
    assert.deepEqual(await run('idenfy.history.checkStatus', await entryOf(id)), {
      status: 'ok',
      overall: 'APPROVED',
    });
    assert.equal((await entryOf(id)).status?.overall, 'APPROVED');
    assert.equal(api.sessionRow(id)?.icon, 'pass');
    await config().update('apiBaseUrl', server.url, vscode.ConfigurationTarget.Global);
  });
});
