/**
 * Webhooks in the real editor, against a real receiver on 127.0.0.1 that verifies each call's
 * signature as an integrator's handler would (verifyWebhookSignature over the raw bytes): Send Webhook
 * from a fixture, a fixture with problems that sends nothing, a refusal, and the emulator delivering to
 * the forward URL when a session completes, with the delivery under the session (Resend, Show Payload).
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { SendWebhookResult } from '../../src/editor/webhook-commands';
import { startEmulator } from '../../src/emulator/server';
import type { HistoryEntry } from '../../src/history/store';
import { eventTypeFor } from '../../src/webhooks/event-types';
import { prepareWebhook } from '../../src/webhooks/prepare-webhook';
import { EVENT_TYPE_HEADER, SIGNATURE_HEADER, verifyWebhookSignature } from '../../src/webhooks/signature';
import {
  activateExtension,
  createSession,
  diagnosticsWhen,
  history,
  openInEditor,
  useProfile,
  workspaceFile,
} from './support';

/** A test key: what an integrator copies from iDenfy's dashboard. */
const SIGNING_KEY = 'whsec-test-7f3a9c1e2b4d6f80';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A webhook handler on loopback: records each call, answers `status` (200 unless told). */
class Receiver {
  readonly calls: Received[] = [];
  status = 200;
  private waiting: ((r: Received) => void)[] = [];
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const call = { headers: req.headers, body: Buffer.concat(chunks) };
      this.calls.push(call);
      res.writeHead(this.status, { 'content-type': 'text/plain' });
      res.end(this.status < 300 ? 'ok: stored\n' : 'handler failed: no such user\nsecond line\n');
      for (const w of this.waiting.splice(0)) w(call);
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/idenfy/webhook`;
  }

  /** The next call to arrive after this is asked. */
  next(): Promise<Received> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function header(r: Received, name: string): string | undefined {
  const value = r.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

async function send(file: string, options: { url?: string; eventType?: string }): Promise<SendWebhookResult> {
  const uri = workspaceFile(file);
  await openInEditor(uri);
  return (await vscode.commands.executeCommand('idenfy.sendWebhook', uri, options)) as SendWebhookResult;
}

describe('Webhooks', function () {
  // The first Send Webhook loads the core bundle; a loaded machine needs more than mocha's 20 s.
  this.timeout(60_000);
  const receiver = new Receiver();
  let url = '';
  before(async () => {
    const { api } = await activateExtension();
    url = await receiver.start();
    await vscode.commands.executeCommand('idenfy.stopEmulator');
    // The signing key belongs to the active credential profile (issue #12): one with no reachable API.
    await useProfile('webhooks', { url: 'https://ivs.idenfy.com', apiKey: 'key', apiSecret: 'secret' });
    await api.setWebhookSigningKey(SIGNING_KEY);
    assert.equal(await api.hasWebhookSigningKey('webhooks'), true, 'the key is stored with the profile');
  });
  after(async () => {
    const { api } = await activateExtension();
    await api.setWebhookSigningKey(undefined);
    await api.removeProfile('webhooks');
    await vscode.workspace
      .getConfiguration('idenfy')
      .update('emulator.webhookForwardUrl', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('idenfy.stopEmulator');
    await receiver.close();
  });
  beforeEach(() => {
    receiver.status = 200;
  });

  /** Resend of a listed delivery: delivered, and the receiver got the bytes of `original` again. */
  async function resendDelivered(node: unknown, original: Received): Promise<Received> {
    const again = receiver.next();
    const resent = (await vscode.commands.executeCommand(
      'idenfy.history.resendWebhook',
      node,
    )) as SendWebhookResult;
    assert.equal(resent.status, 'delivered', JSON.stringify(resent));
    const call = await again;
    assert.ok(call.body.equals(original.body), 'Resend sends the same bytes');
    return call;
  }

  it('Send Webhook posts the fixture’s exact bytes, signed with the stored key, and reports the 2xx', async () => {
    const text = (
      await vscode.workspace.openTextDocument(workspaceFile('approved.idenfy-webhook.json'))
    ).getText();
    const prepared = prepareWebhook(text);
    assert.ok(prepared.ok, `the fixture is valid: ${JSON.stringify(prepared)}`);
    const arrived = receiver.next();
    const result = await send('approved.idenfy-webhook.json', { url });
    assert.equal(result.status, 'delivered', JSON.stringify(result));
    const call = await arrived;
    // The comments are gone, the bytes are the document's own (not a re-encoding).
    assert.equal(call.body.toString('utf8'), prepared.body);
    assert.ok(!call.body.toString('utf8').includes('iDenfy webhook: approved'), 'comments removed');
    assert.equal(header(call, 'content-type'), 'application/json');
    assert.equal(header(call, EVENT_TYPE_HEADER), eventTypeFor(prepared.payload));
    assert.ok(
      verifyWebhookSignature(call.body, header(call, SIGNATURE_HEADER), SIGNING_KEY),
      'signature verifies',
    );
    assert.ok(!verifyWebhookSignature(call.body, header(call, SIGNATURE_HEADER), `${SIGNING_KEY}x`));
    if (result.status !== 'delivered') return;
    assert.equal(result.delivery.status, 200);
    assert.equal(result.delivery.answerHead, 'ok: stored');
    assert.ok(!JSON.stringify(result).includes(SIGNING_KEY), 'the key is in no result');
  });

  it('a fixture with problems sends nothing and has its problems marked', async () => {
    const before = receiver.calls.length;
    const result = await send('mistakes.idenfy-webhook.json', { url });
    assert.equal(result.status, 'invalid', JSON.stringify(result));
    const diagnostics = await diagnosticsWhen(workspaceFile('mistakes.idenfy-webhook.json'), (d) =>
      d.some((x) => x.source === 'iDenfy'),
    );
    assert.ok(
      diagnostics.some((d) => d.source === 'iDenfy' && d.message.startsWith('Blocks sending')),
      diagnostics.map((d) => d.message).join('\n'),
    );
    assert.equal(receiver.calls.length, before, 'nothing reached the receiver');
  });

  it('a non-2xx answer is reported as refused; a URL that is plain http off loopback is refused before sending', async () => {
    receiver.status = 500;
    const result = await send('approved.idenfy-webhook.json', { url });
    assert.equal(result.status, 'refused', JSON.stringify(result));
    if (result.status === 'refused') {
      assert.equal(result.delivery.status, 500);
      assert.match(result.delivery.answerHead ?? '', /^handler failed/);
    }
    const before = receiver.calls.length;
    const refused = await send('approved.idenfy-webhook.json', { url: 'http://example.com/hook' });
    assert.equal(refused.status, 'badUrl', JSON.stringify(refused));
    assert.equal(receiver.calls.length, before);
  });

  it('the emulator delivers to the forward URL when a session completes: signed with its key, listed under the session, resent and shown', async () => {
    const { api } = await activateExtension();
    await vscode.workspace
      .getConfiguration('idenfy')
      .update('emulator.webhookForwardUrl', url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('idenfy.startEmulator');
    const created = await createSession('good.idenfy.json');
    assert.equal(created.status, 'created', JSON.stringify(created));
    if (created.status !== 'created') return;
    const entry = (await history()).find((e) => e.id === created.entryId) as HistoryEntry;

    const arrived = receiver.next();
    const recorded = api.nextRecordedDelivery();
    const completed = await vscode.commands.executeCommand('idenfy.history.completeEmulator', entry, {
      kind: 'APPROVED',
    });
    assert.deepEqual(completed, { status: 'ok', overall: 'APPROVED' });
    const call = await arrived;
    const key = api.emulatorWebhookSigningKey();
    assert.ok(key, 'the running emulator has a signing key');
    assert.ok(
      verifyWebhookSignature(call.body, header(call, SIGNATURE_HEADER), key),
      'signed with the emulator key',
    );
    assert.ok(!verifyWebhookSignature(call.body, header(call, SIGNATURE_HEADER), SIGNING_KEY));
    const payload = JSON.parse(call.body.toString('utf8')) as {
      scanRef: string;
      status: { overall: string };
    };
    assert.equal(payload.scanRef, entry.scanRef);
    assert.equal(payload.status.overall, 'APPROVED');
    const event = header(call, EVENT_TYPE_HEADER) ?? '';

    assert.deepEqual(await recorded, { entryId: entry.id, status: 200, source: 'emulator' });
    const listed = api.deliveryRows(entry.id);
    assert.equal(listed.collapsible, true, 'a session with deliveries can be expanded');
    assert.equal(listed.rows.length, 1);
    const row = listed.rows[0];
    assert.ok(row);
    assert.equal(row.label, `200 ${event}`);
    assert.match(row.description, /^\d+ ms · \d\d:\d\d:\d\d · emulator$/);
    assert.equal(row.icon, 'pass');
    assert.match(row.tooltip, new RegExp(`\\*\\*to\\*\\* ${url.replace(/[.?/]/g, '\\$&')}`));

    // Resend: the same bytes again, signed with the key of the session's account (the emulator's).
    const second = await resendDelivered(row.node, call);
    assert.ok(verifyWebhookSignature(second.body, header(second, SIGNATURE_HEADER), key));
    assert.equal(api.deliveryRows(entry.id).rows.length, 2);

    // Show Payload: an untitled *.idenfy-webhook.json with the same content, under the webhook schema.
    const editor = (await vscode.commands.executeCommand(
      'idenfy.history.showWebhookPayload',
      row.node,
    )) as vscode.TextEditor;
    const document = editor.document;
    assert.equal(document.uri.scheme, 'untitled');
    assert.match(document.uri.path, /\.idenfy-webhook\.json$/);
    assert.deepEqual(JSON.parse(document.getText()), payload);
    assert.ok(prepareWebhook(document.getText()).ok, 'the shown payload is a valid fixture');
    // Sent from there with Send Webhook, it is recorded under the session its scanRef names.
    const third = receiver.next();
    const fromShown = (await vscode.commands.executeCommand('idenfy.sendWebhook', document.uri, {
      url,
    })) as SendWebhookResult;
    assert.equal(fromShown.status, 'delivered', JSON.stringify(fromShown));
    assert.equal(fromShown.status === 'delivered' && fromShown.entryId, entry.id);
    assert.deepEqual(JSON.parse((await third).body.toString('utf8')), payload);
    assert.equal(api.deliveryRows(entry.id).rows.length, 3);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      document.uri,
      document.positionAt(document.getText().indexOf('{') + 1),
      '"notAWebhookField": 1,',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    const marked = await diagnosticsWhen(document.uri, (d) =>
      d.some((x) => x.message.includes('notAWebhookField')),
    );
    assert.ok(marked.length > 0, 'the webhook schema validates the shown payload');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
  it('Resend signs with the key of the profile that made the session, whichever is active; a removed one is named', async () => {
    const { api } = await activateExtension();
    // The emulator of the test before would be the target: this session goes to a profile's account.
    await vscode.commands.executeCommand('idenfy.stopEmulator');
    const account = await startEmulator();
    const devKey = 'whsec-dev-account-51c0';
    const fixture = vscode.Uri.from({ scheme: 'untitled', path: '/resend-test.idenfy-webhook.json' });
    try {
      await useProfile('dev', account);
      await api.setWebhookSigningKey(devKey);
      const created = await createSession('good.idenfy.json');
      assert.equal(created.status, 'created', JSON.stringify(created));
      if (created.status !== 'created') return;
      const entry = (await history()).find((e) => e.id === created.entryId) as HistoryEntry;
      assert.equal(entry.profile, 'dev');

      // A fixture naming the session, sent while "dev" is active, is recorded under the session.
      const approved = (
        await vscode.workspace.openTextDocument(workspaceFile('approved.idenfy-webhook.json'))
      ).getText();
      const document = await vscode.workspace.openTextDocument(fixture);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(
        fixture,
        new vscode.Position(0, 0),
        approved.replace(/"scanRef": "[^"]*"/, `"scanRef": "${entry.scanRef}"`),
      );
      assert.ok(await vscode.workspace.applyEdit(edit));
      const first = receiver.next();
      const sent = (await vscode.commands.executeCommand('idenfy.sendWebhook', document.uri, {
        url,
      })) as SendWebhookResult;
      assert.equal(sent.status, 'delivered', JSON.stringify(sent));
      assert.equal(sent.status === 'delivered' && sent.entryId, entry.id);
      const call = await first;
      assert.ok(verifyWebhookSignature(call.body, header(call, SIGNATURE_HEADER), devKey));

      // Another profile active: Resend still signs as the account that made the session.
      await api.switchProfile('webhooks');
      const row = api.deliveryRows(entry.id).rows[0];
      assert.ok(row, 'the delivery is listed under the session');
      const second = await resendDelivered(row.node, call);
      assert.ok(
        verifyWebhookSignature(second.body, header(second, SIGNATURE_HEADER), devKey),
        "signed with the key of the session's profile",
      );
      assert.ok(!verifyWebhookSignature(second.body, header(second, SIGNATURE_HEADER), SIGNING_KEY));

      // Once that profile is removed, its key is gone: nothing is sent, and the profile is named.
      await api.removeProfile('dev');
      const before = receiver.calls.length;
      const refused = (await vscode.commands.executeCommand(
        'idenfy.history.resendWebhook',
        row.node,
      )) as SendWebhookResult;
      assert.deepEqual(refused, { status: 'profileRemoved' });
      assert.equal(receiver.calls.length, before, 'nothing reached the receiver');
    } finally {
      await api.removeProfile('dev');
      await api.switchProfile('webhooks');
      await account.close();
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === fixture.toString())) {
        await vscode.window.showTextDocument(fixture);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
  });
});
