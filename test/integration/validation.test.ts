import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, diagnosticsWhen, workspaceFile } from './support';

/** Messages the schema gives for test/fixtures/workspace/bad.idenfy.json, one per broken rule. */
const EXPECTED = [
  { line: 2, message: 'Property clientID is not allowed.' },
  { line: 3, message: 'Names may not contain digits or any of ~!@#$%^*()_+={}[]|:;",<>/?' },
  { line: 4, message: 'Value is below the minimum of 1.' },
  { line: 5, message: 'Value is below the minimum of 61.' },
  { line: 6, message: 'Use an ISO 3166-1 alpha-2 country code, such as "LT" or "lt".' },
  { line: 7, message: 'Use a real calendar date in YYYY-MM-DD form, such as 1990-12-20.' },
  {
    line: 8,
    message: 'The callback URL must be an https:// address (iDenfy does not call plain http webhooks).',
  },
  { line: 9, message: 'Value is not accepted. Valid values:' },
  { line: 0, message: 'Missing property "clientId".' },
];

describe('live validation of *.idenfy.json', () => {
  before(async () => {
    await activateExtension();
  });

  it('shows the schema diagnostics on a bad request file, on the right lines', async () => {
    const uri = workspaceFile('bad.idenfy.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await diagnosticsWhen(uri, (d) => d.length >= EXPECTED.length);
    for (const expected of EXPECTED) {
      const hit = diagnostics.find(
        (d) => d.range.start.line === expected.line && d.message.startsWith(expected.message),
      );
      assert.ok(
        hit,
        `no diagnostic "${expected.message}" on line ${expected.line + 1}; got:\n${listed(diagnostics)}`,
      );
    }
    // Comments and the trailing comma are allowed in request files.
    assert.ok(!diagnostics.some((d) => /comment|trailing comma/i.test(d.message)), listed(diagnostics));
  });

  it('offers the nearest known name as a quick fix for a misspelt property', async () => {
    const uri = workspaceFile('bad.idenfy.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const diagnostics = await diagnosticsWhen(uri, (d) =>
      d.some((x) => x.message === 'Property clientID is not allowed.'),
    );
    const typo = diagnostics.find((x) => x.message === 'Property clientID is not allowed.');
    assert.ok(typo);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      typo.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Change to "clientId"');
    assert.ok(fix?.edit, `no quick fix; got ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(2).text.trim(), '"clientId": "user-42",');
    await vscode.commands.executeCommand('undo');
  });

  it('leaves a plain other.json with the same content alone', async () => {
    const uri = workspaceFile('other.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // other.json is plain JSON, so its comments are reported: that report tells us validation ran.
    const diagnostics = await diagnosticsWhen(uri, (d) => d.some((x) => /comment/i.test(x.message)));
    const schemaMessages = EXPECTED.map((e) => e.message);
    const leaked = diagnostics.filter((d) => schemaMessages.some((m) => d.message.startsWith(m)));
    assert.deepEqual(leaked, [], listed(leaked));
  });

  it('contributes the request snippets to JSON files', async () => {
    const uri = workspaceFile('good.idenfy.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(0, 0),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const prefix of [
      'idenfy-minimal',
      'idenfy-full',
      'idenfy-additional-steps',
      'idenfy-custom-settings',
    ]) {
      assert.ok(labels.includes(prefix), `snippet ${prefix} not offered; got ${labels.join(', ')}`);
    }
  });
});

function listed(diagnostics: vscode.Diagnostic[]): string {
  return diagnostics
    .map((d) => `  ${d.range.start.line + 1}:${d.range.start.character} ${d.message}`)
    .join('\n');
}
