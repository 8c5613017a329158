/**
 * Getting started: the context key the walkthrough's first step completes on, the command that makes
 * a request file from a snippet, and the one-time offer of the walkthrough.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';

export const WALKTHROUGH_ID = 'idenfy-tools.idenfy-session-tools#idenfy.gettingStarted';
/** Created in the extension's global storage folder when the offer is made. */
const OFFERED_FILE = 'walkthrough-offered';
const REQUEST_FILE = /\.idenfy\.json$/i;
/** The snippet the new file starts from (snippets/idenfy-request.json, generated from the catalog). */
const STARTER_SNIPPET = 'iDenfy: session with names';

/** Sets `idenfy.requestFileOpened` once a *.idenfy.json document is open (or opened later). */
export function trackRequestFiles(): vscode.Disposable {
  let seen = false;
  const check = (document: vscode.TextDocument) => {
    if (seen || !REQUEST_FILE.test(document.fileName)) return;
    seen = true;
    void vscode.commands.executeCommand('setContext', 'idenfy.requestFileOpened', true);
  };
  for (const document of vscode.workspace.textDocuments) check(document);
  return vscode.workspace.onDidOpenTextDocument(check);
}

/** A new request.idenfy.json (request-2… when taken) in the first folder, started from a snippet. */
export async function newRequestFile(): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  let uri: vscode.Uri | undefined;
  if (folder) {
    for (let n = 1; !uri; n++) {
      const candidate = vscode.Uri.joinPath(
        folder,
        n === 1 ? 'request.idenfy.json' : `request-${n}.idenfy.json`,
      );
      try {
        await vscode.workspace.fs.stat(candidate);
      } catch {
        uri = candidate;
      }
    }
  } else {
    uri = await vscode.window.showSaveDialog({
      title: 'New iDenfy request file',
      saveLabel: 'Create',
      filters: { 'iDenfy request': ['idenfy.json'] },
    });
  }
  if (!uri) return undefined;
  if (!REQUEST_FILE.test(uri.path))
    uri = uri.with({ path: `${uri.path.replace(/\.json$/i, '')}.idenfy.json` });
  await vscode.workspace.fs.writeFile(uri, new Uint8Array());
  await vscode.window.showTextDocument(uri);
  await vscode.commands.executeCommand('editor.action.insertSnippet', {
    langId: 'jsonc',
    name: STARTER_SNIPPET,
  });
  return uri;
}

/**
 * Offers the walkthrough once per user: a marker file in the extension's global storage is created
 * exclusively ('wx') before the notification shows, so of several windows starting at once only the
 * one that creates it offers, and neither a dismissal, a reload nor a restart shows it again. (A
 * file, not globalState: globalState reaches disk lazily and each window keeps its own copy.)
 */
export async function offerWalkthroughOnce(
  storageDir: string,
  show: () => Thenable<string | undefined>,
): Promise<'offered' | 'alreadyOffered'> {
  await mkdir(storageDir, { recursive: true });
  try {
    await writeFile(join(storageDir, OFFERED_FILE), `${new Date().toISOString()}\n`, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return 'alreadyOffered';
    throw err;
  }
  // Not awaited: the notification stays until the user answers, and activation must not wait for that.
  void Promise.resolve(show()).then((choice) =>
    choice === OPEN
      ? vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false)
      : undefined,
  );
  return 'offered';
}

/** Test builds: forget that the offer was made. */
export async function forgetWalkthroughOffer(storageDir: string): Promise<void> {
  await rm(join(storageDir, OFFERED_FILE), { force: true });
}

const OPEN = 'Open Walkthrough';

export function showWalkthroughOffer(): Thenable<string | undefined> {
  return vscode.window.showInformationMessage(
    'New to iDenfy Session Tools? A six-step walkthrough goes from a request file to a finished verification, its webhook and its status, all on the offline emulator.',
    OPEN,
  );
}
