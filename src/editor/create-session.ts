import * as vscode from 'vscode';
import type { IdenfyFailure } from '../http/errors';
import { iframeSnippet } from '../session/links';
import type { SendOutcome, Target } from '../session/send';
import { loadCore } from './core-loader';
import { askForCredentials, type CredentialStore } from './credentials';
import type { HistoryView } from './history-view';
import type { Log } from './log';
import { openVerificationPage } from './open-page';
import type { RequestDiagnostics } from './request-diagnostics';
import type { ResponseDocuments } from './response-documents';
import { apiBaseUrl, proxySettings, requestTimeoutMs } from './settings';
import type { EmulatorControl } from './target';

export const REQUEST_FILE = /\.idenfy\.json$/i;

export interface CreateSessionDeps {
  credentials: CredentialStore;
  emulator: EmulatorControl;
  history: HistoryView;
  log: Log;
  diagnostics: RequestDiagnostics;
  responses: ResponseDocuments;
  /** Set only by the integration tests (ExtensionMode.Test): makes the next UI step after a 2xx throw. */
  testHooks?: { failNextUiStep: boolean };
}

/** What the command returns, so integration tests can assert on the outcome without scraping UI. */
export type CreateSessionResult =
  | { status: 'created'; scanRef: string; entryId: string }
  | { status: 'invalid'; problems: number }
  | { status: 'failed'; cause: string; message: string; outcomeUnknown: boolean }
  | { status: 'cancelled' | 'noEditor' | 'noCredentials' };

export async function createSessionCommand(
  deps: CreateSessionDeps,
  uri?: vscode.Uri,
): Promise<CreateSessionResult> {
  const document = uri
    ? await vscode.workspace.openTextDocument(uri)
    : vscode.window.activeTextEditor?.document;
  if (!document || !REQUEST_FILE.test(document.fileName)) {
    void vscode.window.showWarningMessage(
      'Open a *.idenfy.json request file to create an iDenfy session from it.',
    );
    return { status: 'noEditor' };
  }

  // One snapshot of the text: the bytes checked are the bytes sent, even if the file changes meanwhile.
  const core = loadCore();
  deps.diagnostics.clear(document);
  const prepared = core.prepareRequest(document.getText());
  if (!prepared.ok) {
    const textProblems = prepared.problems.filter((p) => p.source === 'document');
    deps.diagnostics.set(document, textProblems);
    const n = prepared.problems.length;
    void vscode.window
      .showErrorMessage(
        `${document.fileName.split(/[\\/]/).pop()} has ${n} problem${n === 1 ? '' : 's'}, so it was not sent. Fix ${n === 1 ? 'it' : 'them'} and try again.`,
        'Show Problems',
      )
      .then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
    return { status: 'invalid', problems: n };
  }

  const target = await resolveTarget(deps);
  if (!target) return { status: 'noCredentials' };
  deps.log.protect(target.apiKey, target.apiSecret);

  const outcome = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `iDenfy: creating a session for ${prepared.clientId}${target.kind === 'emulator' ? ' (emulator)' : ''}`,
      cancellable: true,
    },
    async (_progress, token) => {
      const abort = new AbortController();
      const cancel = token.onCancellationRequested(() => abort.abort());
      const dispatcher =
        target.kind === 'idenfy' ? core.dispatcherFor(proxySettings(), target.baseUrl) : undefined;
      try {
        return await core.sendRequest({
          body: prepared.body,
          target,
          history: deps.history.history(),
          timeoutMs: requestTimeoutMs(),
          signal: abort.signal,
          dispatcher,
          log: (line) => deps.log.info(line),
        });
      } finally {
        cancel.dispose();
        void dispatcher?.close();
      }
    },
  );
  return report(deps, document, target, outcome);
}

async function resolveTarget(deps: CreateSessionDeps): Promise<Target | undefined> {
  const emulator = await deps.emulator.current();
  if (emulator) return emulator;
  const stored = (await deps.credentials.get()) ?? (await askForCredentials(deps.credentials));
  if (!stored) return undefined;
  return { kind: 'idenfy', baseUrl: apiBaseUrl(), ...stored };
}

function report(
  deps: CreateSessionDeps,
  document: vscode.TextDocument,
  target: Target,
  outcome: SendOutcome,
): CreateSessionResult {
  if (!outcome.ok) {
    showFailure(deps, document, outcome.failure);
    if (outcome.failure.cause === 'cancelled') return { status: 'cancelled' };
    const { cause, message, outcomeUnknown } = outcome.failure;
    return { status: 'failed', cause, message, outcomeUnknown };
  }
  const { entry, response } = outcome;
  if (deps.testHooks?.failNextUiStep) {
    deps.testHooks.failNextUiStep = false;
    throw new Error('UI step failed (injected by a test)');
  }
  if (outcome.historyError) {
    deps.log.error(`The session was created but not saved to history: ${outcome.historyError}`);
    void vscode.window.showWarningMessage(
      `The session for ${entry.clientId} was created (scanRef ${entry.scanRef}) but could not be saved to the history. Copy what you need from the response now.`,
    );
  }
  // The entry is already saved: the UI below may fail without losing the session.
  void deps.responses
    .open(entry.scanRef, response)
    .then(undefined, (err: unknown) =>
      deps.log.error(`Could not open the response document: ${String(err)}`),
    );
  void showCreated(target, response, entry.clientId, entry.scanRef);
  return { status: 'created', scanRef: entry.scanRef, entryId: entry.id };
}

async function showCreated(
  target: Target,
  response: Record<string, unknown>,
  clientId: string,
  scanRef: string,
) {
  const actions = [
    'Open Verification Page',
    'Copy authToken',
    'Copy scanRef',
    'Copy iframe Snippet',
  ] as const;
  const where = target.kind === 'emulator' ? ' on the offline emulator' : '';
  const choice = await vscode.window.showInformationMessage(
    `iDenfy session created${where} for ${clientId}: scanRef ${scanRef}.`,
    ...actions,
  );
  await runSessionAction(choice, target.baseUrl, response);
}

export async function runSessionAction(
  choice: string | undefined,
  baseUrl: string,
  response: Record<string, unknown>,
): Promise<void> {
  switch (choice) {
    case 'Open Verification Page':
      await openVerificationPage(baseUrl, response);
      break;
    case 'Copy authToken':
      await vscode.env.clipboard.writeText(String(response.authToken ?? ''));
      break;
    case 'Copy scanRef':
      await vscode.env.clipboard.writeText(String(response.scanRef ?? ''));
      break;
    case 'Copy iframe Snippet':
      await vscode.env.clipboard.writeText(iframeSnippet(response));
      break;
  }
}

function showFailure(deps: CreateSessionDeps, document: vscode.TextDocument, failure: IdenfyFailure): void {
  deps.log.error(
    `Create Session failed: cause=${failure.cause}${failure.code ? ` code=${failure.code}` : ''}${failure.status ? ` status=${failure.status}` : ''}: ${failure.message}`,
  );
  if (failure.cause === 'cancelled') {
    void vscode.window.showInformationMessage(failure.message);
    return;
  }
  if (failure.field) {
    const range = loadCore().findPropertyRange(document.getText(), [failure.field]);
    if (range) deps.diagnostics.set(document, [{ ...range, message: `iDenfy: ${failure.message}` }]);
  }
  const buttons: string[] = [];
  if (failure.action === 'setCredentials') buttons.push('Set API Credentials');
  if (failure.action === 'showProblems' || failure.field) buttons.push('Show Problems');
  if (failure.action === 'openSettings') buttons.push('Open Settings');
  buttons.push('Open Output');
  void vscode.window.showErrorMessage(failure.message, ...buttons).then((choice) => {
    switch (choice) {
      case 'Set API Credentials':
        return vscode.commands.executeCommand('idenfy.setCredentials');
      case 'Show Problems':
        return vscode.commands.executeCommand('workbench.actions.view.problems');
      case 'Open Settings':
        return vscode.commands.executeCommand('workbench.action.openSettings', 'idenfy');
      case 'Open Output':
        deps.log.show();
        return undefined;
    }
    return undefined;
  });
}
