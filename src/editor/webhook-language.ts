/**
 * *.idenfy-webhook.json files are their own language (idenfy-webhook), so that request snippets are
 * not offered in them and theirs nowhere else. VS Code's JSON support validates them (package.json
 * jsonLanguageParticipants) but only starts on a json or jsonc document; in a window where a webhook
 * fixture is the first JSON-like file opened, nothing would check it. This starts it then, and only
 * then (its language server is a process of its own). Comments and trailing commas pass in these files
 * because the webhook schema allows them: VS Code 1.100's JSON server is lenient only for jsonc and does
 * not read the participant's `comments` flag. For about a second after it starts it validates without
 * the contributed schemas, so a fresh window can flash comment errors before the schema's problems.
 */
import * as vscode from 'vscode';

const WEBHOOK_LANGUAGE = 'idenfy-webhook';
const JSON_EXTENSION = 'vscode.json-language-features';

export function startJsonSupportForWebhookFiles(): vscode.Disposable {
  const start = (document: vscode.TextDocument) => {
    if (document.languageId !== WEBHOOK_LANGUAGE) return false;
    const json = vscode.extensions.getExtension(JSON_EXTENSION);
    if (json && !json.isActive) void json.activate();
    return true;
  };
  if (vscode.workspace.textDocuments.some(start)) return new vscode.Disposable(() => {});
  const listener = vscode.workspace.onDidOpenTextDocument((document) => {
    if (start(document)) listener.dispose();
  });
  return listener;
}
