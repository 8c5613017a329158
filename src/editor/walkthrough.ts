/**
 * Getting started: the context key the walkthrough's first step completes on, the command that makes
 * a request file from a snippet, and the one-time offer of the walkthrough.
 */
import * as vscode from 'vscode';

export const WALKTHROUGH_ID = 'idenfy-tools.idenfy-session-tools#idenfy.gettingStarted';
/** In globalState (shared by every window, and synced): set before the offer shows, so it shows once. */
export const OFFERED_KEY = 'idenfy.walkthroughOffered';
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

interface OfferState {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

/**
 * Offers the walkthrough once: the flag is written before the notification shows, so neither a
 * dismissal, a reload, nor another window shows it again.
 */
export async function offerWalkthroughOnce(
  state: OfferState,
  show: () => Thenable<string | undefined>,
): Promise<'offered' | 'alreadyOffered'> {
  if (state.get(OFFERED_KEY) === true) return 'alreadyOffered';
  await state.update(OFFERED_KEY, true);
  // Not awaited: the notification stays until the user answers, and activation must not wait for that.
  void Promise.resolve(show()).then((choice) =>
    choice === OPEN
      ? vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false)
      : undefined,
  );
  return 'offered';
}

const OPEN = 'Open Walkthrough';

export function showWalkthroughOffer(): Thenable<string | undefined> {
  return vscode.window.showInformationMessage(
    'New to iDenfy Session Tools? A six-step walkthrough goes from a request file to a finished verification, its webhook and its status, all on the offline emulator.',
    OPEN,
  );
}
