/** Helpers for the integration suite: they wait on VS Code events, never on time. */
import * as vscode from 'vscode';
import type { CreateSessionCommandResult } from '../../src/editor/create-session';
import type { TestApi } from '../../src/extension';
import type { HistoryEntry } from '../../src/history/store';

export const EXTENSION_ID = 'idenfy-tools.idenfy-session-tools';

export async function activateExtension(): Promise<{
  ext: vscode.Extension<TestApi | undefined>;
  api: TestApi;
}> {
  const ext = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  if (!api)
    throw new Error('the extension did not hand out its test API (not running in ExtensionMode.Test?)');
  return { ext, api };
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration suite needs the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Resolves with the file's diagnostics as soon as they satisfy `ready`. */
export function diagnosticsWhen(
  uri: vscode.Uri,
  ready: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = () => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!ready(current)) return false;
      subscription.dispose();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

/** Resolves with the first document opened after this call that satisfies `match`. */
export function nextOpenedDocument(match: (d: vscode.TextDocument) => boolean): Promise<vscode.TextDocument> {
  return new Promise((resolve) => {
    const existing = vscode.workspace.textDocuments.find(match);
    if (existing) return resolve(existing);
    const subscription = vscode.workspace.onDidOpenTextDocument((d) => {
      if (match(d)) {
        subscription.dispose();
        resolve(d);
      }
    });
  });
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/**
 * Runs Create Session on a workspace file, shown in an editor as a person would have it. The file is
 * passed to the command (as the explorer's context menu does), so a response document that opens late
 * from an earlier test and takes the focus cannot make this run act on the wrong editor.
 */
export async function createSession(file: string): Promise<CreateSessionCommandResult> {
  const uri = workspaceFile(file);
  await openInEditor(uri);
  return (await vscode.commands.executeCommand('idenfy.createSession', uri)) as CreateSessionCommandResult;
}

export async function history(): Promise<readonly HistoryEntry[]> {
  return (await vscode.commands.executeCommand('idenfy.history.list')) as HistoryEntry[];
}

/**
 * Makes a profile named `name` (replacing one of that name) with the server's URL and credentials,
 * and activates it: what a user does with Add Profile, then Switch Profile. Remove it in `after`.
 */
export async function useProfile(
  name: string,
  server: { url: string; apiKey: string; apiSecret: string },
  options: { live?: boolean } = {},
): Promise<string> {
  const { api } = await activateExtension();
  await api.removeProfile(name);
  const id = await api.addProfile({
    name,
    baseUrl: server.url,
    apiKey: server.apiKey,
    apiSecret: server.apiSecret,
    live: options.live ?? false,
  });
  await api.switchProfile(name);
  return id;
}
