import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, diagnosticsWhen, workspaceFile } from './support';

/** What the real JSON language server says about test/fixtures/workspace/mistakes.idenfy-webhook.json. */
const EXPECTED = [
  { line: 3, message: 'Value is not accepted. Valid values: "PC"' },
  { line: 7, message: 'Value is not accepted. Valid values: "NAME"' },
  { line: 23, message: 'Value is not accepted. Valid values: "MALE"' },
  { line: 38, message: 'Property scanref is not allowed.' },
  { line: 40, message: 'Incorrect type. Expected "number".' },
  { line: 0, message: 'Missing property "scanRef".' },
];

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

describe('*.idenfy-webhook.json fixtures in the editor', () => {
  before(async () => {
    await activateExtension();
  });

  it('are their own language, validated by the webhook schema: one diagnostic per mistake, none for a new data key or a comment', async () => {
    const uri = workspaceFile('mistakes.idenfy-webhook.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'idenfy-webhook');
    // The schema's own diagnostics: an earlier Send Webhook on this file (webhooks.test.ts) leaves its
    // "Blocks sending" marks (source iDenfy) until the file is edited or sent again.
    const schemaOnly = (all: readonly vscode.Diagnostic[]) => all.filter((d) => d.source !== 'iDenfy');
    const diagnostics = schemaOnly(
      await diagnosticsWhen(uri, (d) => schemaOnly(d).length >= EXPECTED.length),
    );
    for (const expected of EXPECTED) {
      const hit = diagnostics.find(
        (d) => d.range.start.line === expected.line && d.message.startsWith(expected.message),
      );
      assert.ok(
        hit,
        `no diagnostic "${expected.message}" on line ${expected.line + 1}; got:\n${listed(diagnostics)}`,
      );
    }
    assert.equal(diagnostics.length, EXPECTED.length, listed(diagnostics));
    // The unknown top-level key is a warning, as VS Code shows schema problems.
    const unknown = diagnostics.find((d) => d.message.startsWith('Property scanref'));
    assert.equal(unknown?.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('a clean fixture has no problems, and a change that breaks it is flagged at once', async () => {
    const uri = workspaceFile('approved.idenfy-webhook.json');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('"overall": "APPROVED"'));
    const range = document.lineAt(line).range;
    // Breaking the value proves validation runs on this file; putting it back must clear it.
    assert.ok(await editor.edit((e) => e.replace(range, '    "overall": "APPROVE",')));
    const broken = await diagnosticsWhen(uri, (d) => d.length > 0);
    assert.ok(
      broken.some((d) => d.range.start.line === line && /Valid values/.test(d.message)),
      listed(broken),
    );
    await vscode.commands.executeCommand('undo');
    assert.deepEqual(listed(await diagnosticsWhen(uri, (d) => d.length === 0)), '');
    assert.equal(document.isDirty, false);
  });

  it('offers the webhook templates and not the request ones; request files the reverse', async () => {
    const webhookUri = workspaceFile('approved.idenfy-webhook.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(webhookUri));
    const inWebhook = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      webhookUri,
      new vscode.Position(1, 0),
    );
    const webhookLabels = inWebhook.items.map(labelOf);
    for (const prefix of [
      'idenfy-webhook-approved',
      'idenfy-webhook-review-pending',
      'idenfy-webhook-suspected',
    ]) {
      assert.ok(webhookLabels.includes(prefix), `${prefix} not offered; got ${webhookLabels.join(', ')}`);
    }
    assert.ok(!webhookLabels.includes('idenfy-minimal'), 'a request snippet is offered in a webhook file');

    const requestUri = workspaceFile('good.idenfy.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(requestUri));
    const inRequest = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      requestUri,
      new vscode.Position(0, 0),
    );
    const requestLabels = inRequest.items.map(labelOf);
    assert.ok(requestLabels.includes('idenfy-minimal'));
    assert.ok(
      !requestLabels.some((l) => l.startsWith('idenfy-webhook')),
      'a webhook snippet is offered in a request file',
    );
  });

  it('hovers a field with its description', async () => {
    const uri = workspaceFile('approved.idenfy-webhook.json');
    const document = await vscode.workspace.openTextDocument(uri);
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('"finishTime"'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(line, 5),
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /unix seconds/);
  });
});

function listed(diagnostics: vscode.Diagnostic[]): string {
  return diagnostics
    .map((d) => `  ${d.range.start.line + 1}:${d.range.start.character} ${d.message}`)
    .join('\n');
}
