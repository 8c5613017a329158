/**
 * Credential profiles in the real editor. Each "account" is a counting gateway on 127.0.0.1 in front
 * of an emulator (its own URL, the emulator's key and secret), so every test can say which host a
 * command reached and that a cancelled one reached none: the migration of the pre-profiles pair into
 * "default", Create Session following the active profile, the live profile's modal (Cancel sends
 * nothing; a workspace cannot unmark live), and session requests using the profile that created the
 * session after switching, with a clear refusal once that profile is removed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LifecycleCommandResult } from '../../src/editor/session-commands';
import { type Emulator, startEmulator } from '../../src/emulator/server';
import type { HistoryEntry } from '../../src/history/store';
import { type CountingGateway, startCountingGateway } from '../support/counting-gateway';
import { activateExtension, createSession, history, useProfile, workspaceFile } from './support';

const TOKEN = 'POST /api/v2/token';
const STATUS = 'POST /api/v2/status';
const DELETE = 'POST /api/v2/delete';

interface Account {
  emulator: Emulator;
  gateway: CountingGateway;
  /** What a profile needs: the gateway's URL, the emulator's credentials. */
  url: string;
  apiKey: string;
  apiSecret: string;
  count(what: string): number;
}

async function account(): Promise<Account> {
  const emulator = await startEmulator();
  const gateway = await startCountingGateway(emulator.url);
  return {
    emulator,
    gateway,
    url: gateway.url,
    apiKey: emulator.apiKey,
    apiSecret: emulator.apiSecret,
    count: (what) => gateway.counts.get(what) ?? 0,
  };
}

async function closeAccount(a: Account | undefined): Promise<void> {
  await a?.gateway.close();
  await a?.emulator.close();
}

async function entryOf(id: string): Promise<HistoryEntry> {
  const entry = (await history()).find((e) => e.id === id);
  assert.ok(entry, `history entry ${id} is gone`);
  return entry;
}

async function run(command: string, ...args: unknown[]): Promise<LifecycleCommandResult> {
  return (await vscode.commands.executeCommand(command, ...args)) as LifecycleCommandResult;
}

const config = () => vscode.workspace.getConfiguration('idenfy');

describe('Credential profiles', function () {
  // Several settings writes and first sends per test: generous on a loaded machine; nothing sleeps.
  this.timeout(60_000);
  const accounts: Account[] = [];
  let savedProfiles: unknown;
  before(async () => {
    await activateExtension();
    await vscode.commands.executeCommand('idenfy.stopEmulator');
    savedProfiles = config().inspect('profiles')?.globalValue;
  });
  after(async () => {
    await config().update('profiles', savedProfiles, vscode.ConfigurationTarget.Global);
    await config().update('apiBaseUrl', undefined, vscode.ConfigurationTarget.Global);
    for (const a of accounts) await closeAccount(a);
  });
  const newAccount = async () => {
    const a = await account();
    accounts.push(a);
    return a;
  };

  it('the single stored pair becomes the profile "default" with the current base URL, exactly once', async () => {
    const { api } = await activateExtension();
    const old = await newAccount();
    // As before profiles: no list ever written, the pair under its old keys, the base URL setting.
    await config().update('profiles', undefined, vscode.ConfigurationTarget.Global);
    await config().update('apiBaseUrl', old.url, vscode.ConfigurationTarget.Global);
    await api.migrateLegacy({ apiKey: old.apiKey, apiSecret: old.apiSecret, webhookSigningKey: 'whsec-old' });

    const migrated = api.profiles();
    assert.deepEqual(
      migrated.map(({ name, baseUrl, live }) => ({ name, baseUrl, live })),
      [{ name: 'default', baseUrl: old.url, live: false }],
    );
    assert.equal(await api.hasWebhookSigningKey('default'), true, 'the signing key moved with the pair');
    // The user's settings file names the profile, never a secret.
    const written = JSON.stringify(config().inspect('profiles')?.globalValue);
    assert.ok(!written.includes(old.apiSecret) && !written.includes(old.apiKey), written);

    // A later start with another pair under the old keys changes nothing: it ran once.
    await api.migrateLegacy({ apiKey: 'another-key', apiSecret: 'another-secret' });
    assert.equal(api.profiles().length, 1);

    await api.switchProfile('default');
    assert.equal(api.statusBarText(), '$(cloud) iDenfy: default');
    const created = await createSession('good.idenfy.json');
    assert.equal(created.status, 'created', JSON.stringify(created));
    assert.equal(old.count(TOKEN), 1, 'the migrated pair and base URL were used');
    if (created.status === 'created') assert.equal((await entryOf(created.entryId)).profile, 'default');
    await api.removeProfile('default');
  });

  it('switching profiles changes where Create Session sends; the entry records the profile, never a secret', async () => {
    const { api } = await activateExtension();
    const dev = await newAccount();
    const staging = await newAccount();
    const devId = await useProfile('dev', dev);
    await useProfile('staging', staging);
    try {
      await api.switchProfile('dev');
      assert.equal(api.statusBarText(), '$(cloud) iDenfy: dev');
      const first = await createSession('good.idenfy.json');
      assert.equal(first.status, 'created', JSON.stringify(first));
      assert.deepEqual([dev.count(TOKEN), staging.count(TOKEN)], [1, 0]);

      await api.switchProfile('staging');
      assert.equal(api.statusBarText(), '$(cloud) iDenfy: staging');
      const second = await createSession('good.idenfy.json');
      assert.equal(second.status, 'created', JSON.stringify(second));
      assert.deepEqual([dev.count(TOKEN), staging.count(TOKEN)], [1, 1]);

      if (first.status !== 'created' || second.status !== 'created') return;
      const entry = await entryOf(first.entryId);
      assert.deepEqual([entry.profile, entry.profileId, entry.baseUrl], ['dev', devId, dev.url]);
      assert.equal((await entryOf(second.entryId)).profile, 'staging');
      const stored = JSON.stringify(await history());
      for (const secret of [dev.apiSecret, staging.apiSecret]) assert.ok(!stored.includes(secret));
      assert.match(api.sessionRow(first.entryId)?.tooltip ?? '', /\*\*profile\*\* dev/);
    } finally {
      await api.removeProfile('dev');
      await api.removeProfile('staging');
    }
  });

  describe('a live profile', () => {
    let live: Account;
    let liveId: string;
    before(async () => {
      live = await newAccount();
      liveId = await useProfile('production', live, { live: true });
    });
    after(async () => {
      const { api } = await activateExtension();
      await api.removeProfile('production');
      fs.rmSync(workspaceFile('.vscode').fsPath, { recursive: true, force: true });
    });

    it('Create Session asks first in a modal naming the profile, the clientId and the bill; Cancel sends nothing', async () => {
      const { api } = await activateExtension();
      assert.equal(api.statusBarText(), '$(shield) iDenfy: production (live)');
      const asked = api.liveQuestions().length;

      api.answerLiveConfirmation(false);
      const cancelled = await createSession('good.idenfy.json');
      assert.deepEqual(cancelled, { status: 'notConfirmed' });
      assert.equal(live.gateway.total(), 0, 'Cancel sent a request');
      const question = api.liveQuestions()[asked];
      assert.ok(question, 'no modal was shown');
      assert.match(question.message, /billable/);
      assert.match(question.message, /"user-42"/);
      assert.match(question.message, /LIVE profile "production"/);
      assert.match(question.detail, /bills each session/);

      api.answerLiveConfirmation(true);
      const created = await createSession('good.idenfy.json');
      assert.equal(created.status, 'created', JSON.stringify(created));
      assert.equal(live.count(TOKEN), 1);
    });

    it('Delete Personal Data asks too (irreversible), even when pre-confirmed; Cancel sends nothing', async () => {
      const { api } = await activateExtension();
      api.answerLiveConfirmation(true);
      const created = await createSession('good.idenfy.json');
      assert.equal(created.status, 'created', JSON.stringify(created));
      if (created.status !== 'created') return;
      const entry = await entryOf(created.entryId);
      const before = live.gateway.total();
      const asked = api.liveQuestions().length;

      api.answerLiveConfirmation(false);
      // `confirmed` answers the ordinary delete modal in tests; it must not skip the live one.
      assert.deepEqual(await run('idenfy.history.deletePersonalData', entry, { confirmed: true }), {
        status: 'notConfirmed',
      });
      assert.equal(live.gateway.total(), before, 'Cancel sent a request');
      const question = api.liveQuestions()[asked];
      assert.ok(question);
      assert.match(question.message, /Irreversibly delete the personal data of clientId "user-42"/);
      assert.match(question.message, /LIVE profile "production"/);

      api.answerLiveConfirmation(true);
      // Sent now (the emulator keeps the data while the token is valid, and says so).
      const sent = await run('idenfy.history.deletePersonalData', entry);
      assert.equal(sent.status, 'failed', JSON.stringify(sent));
      assert.equal(live.count(DELETE), 1);
    });

    it('a workspace can neither unmark the live profile nor redirect it', async () => {
      const { api } = await activateExtension();
      const decoy = await newAccount();
      const read = new Promise<void>((resolve) => {
        const sub = vscode.workspace.onDidChangeConfiguration((e) => {
          if (e.affectsConfiguration('editor.tabSize')) {
            sub.dispose();
            resolve();
          }
        });
      });
      const folder = workspaceFile('.vscode').fsPath;
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(
        path.join(folder, 'settings.json'),
        JSON.stringify({
          'idenfy.profiles': [{ id: liveId, name: 'production', baseUrl: decoy.url, live: false }],
          'editor.tabSize': 5,
        }),
      );
      await read;
      const production = api.profiles().find((p) => p.name === 'production');
      assert.deepEqual([production?.live, production?.baseUrl], [true, live.url]);
      const asked = api.liveQuestions().length;
      api.answerLiveConfirmation(false);
      assert.deepEqual(await createSession('good.idenfy.json'), { status: 'notConfirmed' });
      assert.equal(api.liveQuestions().length, asked + 1, 'the modal was skipped');
      assert.equal(decoy.gateway.total(), 0);
    });
  });

  it('session requests use the profile that created the session after switching; a removed one is named', async () => {
    const { api } = await activateExtension();
    const dev = await newAccount();
    const other = await newAccount();
    await useProfile('dev', dev);
    await useProfile('other', other);
    try {
      await api.switchProfile('dev');
      const created = await createSession('good.idenfy.json');
      assert.equal(created.status, 'created', JSON.stringify(created));
      if (created.status !== 'created') return;
      await api.switchProfile('other');

      const checked = await run('idenfy.history.checkStatus', await entryOf(created.entryId));
      assert.deepEqual(checked, { status: 'ok', overall: 'ACTIVE' });
      assert.deepEqual([dev.count(STATUS), other.gateway.total()], [1, 0]);

      await api.removeProfile('dev');
      const refused = await run('idenfy.history.checkStatus', await entryOf(created.entryId));
      assert.equal(refused.status, 'failed', JSON.stringify(refused));
      if (refused.status === 'failed') {
        assert.equal(refused.cause, 'profileRemoved');
        assert.match(
          refused.message,
          /The profile "dev" that created session .* was removed, so nothing was sent/,
        );
      }
      assert.deepEqual([dev.count(STATUS), other.gateway.total()], [1, 0]);
    } finally {
      await api.removeProfile('dev');
      await api.removeProfile('other');
    }
  });
});
