import * as vscode from 'vscode';
import type { IdenfyFailure } from '../http/errors';
import { iframeSnippet } from '../session/links';
import { confirmUntrustedSend } from '../session/request-hosts';
import type { SendOutcome, Target } from '../session/send';
import { copyWithConfirmation } from './clipboard';
import { loadCore } from './core-loader';
import { askForCredentials, type CredentialStore } from './credentials';
import type { HistoryView } from './history-view';
import { confirmLive, type LiveGuardHooks } from './live-guard';
import type { Log } from './log';
import { openVerificationPage } from './open-page';
import type { ProfileStore } from './profiles';
import { baseName, refuseProblems } from './refuse-problems';
import type { RequestDiagnostics } from './request-diagnostics';
import { withRequestProgress } from './request-progress';
import type { ResponseDocuments } from './response-documents';
import { type EmulatorControl, hostOf } from './target';

const REQUEST_FILE = /\.idenfy\.json$/i;

export interface CreateSessionDeps {
  credentials: CredentialStore;
  profiles: ProfileStore;
  emulator: EmulatorControl;
  history: HistoryView;
  log: Log;
  diagnostics: RequestDiagnostics;
  responses: ResponseDocuments;
  /**
   * Set only by the integration tests (test builds): makes the next UI step after a 2xx throw, and
   * answers the live-send modal (which the extension host cannot click).
   */
  testHooks?: { failNextUiStep: boolean } & LiveGuardHooks;
}

/**
 * What the command returns, so integration tests can assert on the outcome without scraping UI.
 * (Not the HTTP client's CreateSessionResult: this one also covers what the editor refuses.)
 */
export type CreateSessionCommandResult =
  | { status: 'created'; scanRef: string; entryId: string }
  | { status: 'invalid'; problems: number; message: string }
  | { status: 'failed'; cause: string; message: string; outcomeUnknown: boolean }
  | { status: 'busy' | 'emulatorDown'; message: string }
  | { status: 'cancelled' | 'noEditor' | 'noCredentials' | 'notConfirmed' };

/** Documents (by URI) with a Create Session running: each POST creates a billable session. */
const sending = new Set<string>();

export async function createSessionCommand(
  deps: CreateSessionDeps,
  uri?: vscode.Uri,
): Promise<CreateSessionCommandResult> {
  // Claimed before the first await, so a second click that arrives meanwhile is refused, not queued.
  const requested = uri ?? vscode.window.activeTextEditor?.document.uri;
  const key = requested?.toString();
  if (requested && key !== undefined && sending.has(key)) {
    const message = `Create Session is already running for ${baseName(requested.path)}; it was not started a second time, because each request creates a billable iDenfy session. Wait for the first one's result.`;
    void vscode.window.showWarningMessage(message);
    return { status: 'busy', message };
  }
  if (key !== undefined) sending.add(key);
  try {
    return await createSessionFor(deps, uri);
  } finally {
    if (key !== undefined) sending.delete(key);
  }
}

async function createSessionFor(
  deps: CreateSessionDeps,
  uri: vscode.Uri | undefined,
): Promise<CreateSessionCommandResult> {
  const document = uri
    ? await vscode.workspace.openTextDocument(uri)
    : vscode.window.activeTextEditor?.document;
  if (!document || !REQUEST_FILE.test(document.fileName)) {
    void vscode.window.showWarningMessage(
      'Open a *.idenfy.json request file to create an iDenfy session from it.',
    );
    return { status: 'noEditor' };
  }
  const fileName = baseName(document.fileName);

  // One snapshot of the text: the bytes checked are the bytes sent, even if the file changes meanwhile.
  const core = loadCore();
  deps.diagnostics.clear(document);
  const prepared = core.prepareRequest(document.getText());
  if (!prepared.ok)
    return {
      status: 'invalid',
      ...refuseProblems(deps.diagnostics, document, prepared.problems, {
        notDone: 'sent',
        because: 'would make iDenfy refuse it',
      }),
    };

  const trusted = await confirmUntrustedSend({
    trusted: vscode.workspace.isTrusted,
    body: prepared.body,
    fileName,
    ask: async (message, detail) =>
      (await vscode.window.showWarningMessage(message, { modal: true, detail }, 'Send')) === 'Send',
  });
  if (!trusted) return { status: 'notConfirmed' };

  const state = await deps.emulator.state();
  if (state.kind === 'emulatorDown') return refuseEmulatorDown(deps, state, uri ?? document.uri);
  const target = state.kind === 'emulator' ? state.target : await idenfyTarget(deps);
  if (!target) return { status: 'noCredentials' };
  deps.log.protect(target.apiKey, target.apiSecret);
  // A live profile asks every time, after everything else is settled, so the answer is the last step.
  if (target.profile?.live) {
    const confirmed = await confirmLive(
      {
        action: 'create',
        profile: target.profile.name,
        clientId: prepared.clientId,
        host: hostOf(target.baseUrl),
        fileName,
      },
      deps.testHooks,
    );
    if (!confirmed) return { status: 'notConfirmed' };
  }

  const outcome = await withRequestProgress(
    `iDenfy: creating a session for ${prepared.clientId}${target.kind === 'emulator' ? ' (emulator)' : ''}`,
    target,
    deps.log,
    (context) =>
      core.sendRequest({ body: prepared.body, target, history: deps.history.history(), ...context }),
  );
  return report(deps, document, target, outcome);
}

/** The emulator was asked for at start-up and did not start: never fall back to iDenfy silently. */
function refuseEmulatorDown(
  deps: CreateSessionDeps,
  state: { reason: string; baseUrl: string },
  uri: vscode.Uri,
): CreateSessionCommandResult {
  const message = `Nothing was sent: the local emulator did not start (${state.reason}), although idenfy.emulator.autoStart is on. Without it, this request would go to iDenfy at ${hostOf(state.baseUrl)} with your stored credentials.`;
  deps.log.error(message);
  void vscode.window
    .showErrorMessage(message, 'Start Local Emulator', 'Send to iDenfy')
    .then(async (choice) => {
      if (choice === 'Start Local Emulator') await vscode.commands.executeCommand('idenfy.startEmulator');
      else if (choice === 'Send to iDenfy') deps.emulator.useIdenfy();
      else return;
      // The user asked to send this file: do it now, to the target just chosen.
      await vscode.commands.executeCommand('idenfy.createSession', uri);
    })
    .then(undefined, (err: unknown) => deps.log.error(`Could not switch the target: ${String(err)}`));
  return { status: 'emulatorDown', message };
}

/** The active profile's base URL and credentials, asked for when it has none yet. */
async function idenfyTarget(deps: CreateSessionDeps): Promise<Target | undefined> {
  await deps.profiles.ready;
  if (!deps.profiles.active() && deps.profiles.list().length > 0) {
    void vscode.window
      .showErrorMessage(
        'Nothing was sent: no iDenfy profile is active. Choose the one to send with.',
        'Switch Profile',
      )
      .then((choice) => choice && vscode.commands.executeCommand('idenfy.switchProfile'));
    return undefined;
  }
  const stored = (await deps.credentials.get()) ?? (await askForCredentials(deps.credentials));
  const profile = deps.profiles.active();
  if (!stored || !profile) return undefined;
  const { apiKey, apiSecret } = stored;
  return {
    kind: 'idenfy',
    baseUrl: profile.baseUrl,
    apiKey,
    apiSecret,
    profile: { id: profile.id, name: profile.name, live: profile.live },
  };
}

function report(
  deps: CreateSessionDeps,
  document: vscode.TextDocument,
  target: Target,
  outcome: SendOutcome,
): CreateSessionCommandResult {
  if (!outcome.ok) {
    showFailure(deps, document, outcome.failure);
    if (outcome.failure.cause === 'cancelled') return { status: 'cancelled' };
    const { cause, message, outcomeUnknown } = outcome.failure;
    return { status: 'failed', cause, message, outcomeUnknown };
  }
  const { entry, response } = outcome;
  if (__IDENFY_TEST_BUILD__ && deps.testHooks?.failNextUiStep) {
    deps.testHooks.failNextUiStep = false;
    throw new Error('UI step failed (injected by a test)');
  }
  if (outcome.historyError) {
    deps.log.error(`The session was created but not saved to history: ${outcome.historyError}`);
    void vscode.window.showWarningMessage(
      `The session for ${entry.clientId} was created (scanRef ${entry.scanRef}) but could not be saved to the history. Copy what you need from the response now.`,
    );
  }
  // The entry is already saved: the UI below may fail without losing the session. The session panel
  // shows it (the raw response is one button away there); a session not in the history (it could
  // not be saved) shows its response document as before.
  const opened = outcome.historyError
    ? deps.responses.open(entry.scanRef, response)
    : vscode.commands.executeCommand('idenfy.history.openSession', entry);
  void Promise.resolve(opened).then(undefined, (err: unknown) =>
    deps.log.error(`Could not open the session: ${String(err)}`),
  );
  void showCreated(target, response, entry.clientId, entry.scanRef);
  return { status: 'created', scanRef: entry.scanRef, entryId: entry.id };
}

/** Two buttons, so neither is cut; the copies are one click further, in a quick pick. */
const OPEN_PAGE = 'Open Verification Page';
const COPY = 'Copy…';

async function showCreated(
  target: Target,
  response: Record<string, unknown>,
  clientId: string,
  scanRef: string,
) {
  const where = target.kind === 'emulator' ? ' on the offline emulator' : '';
  const choice = await vscode.window.showInformationMessage(
    `iDenfy session created${where} for ${clientId}: scanRef ${scanRef}.`,
    OPEN_PAGE,
    COPY,
  );
  await runSessionAction(choice, target.baseUrl, response);
}

async function runSessionAction(
  choice: string | undefined,
  baseUrl: string,
  response: Record<string, unknown>,
): Promise<void> {
  switch (choice) {
    case OPEN_PAGE:
      await openVerificationPage(baseUrl, response);
      break;
    case COPY:
      await pickCopy(response);
      break;
  }
}

/** The session's values one may need elsewhere; each copy is confirmed in the status bar. */
async function pickCopy(response: Record<string, unknown>): Promise<void> {
  const items = [
    { label: 'Copy authToken', what: 'authToken', text: () => String(response.authToken ?? '') },
    { label: 'Copy scanRef', what: 'scanRef', text: () => String(response.scanRef ?? '') },
    { label: 'Copy iframe Snippet', what: 'iframe snippet', text: () => iframeSnippet(response) },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `iDenfy session ${String(response.scanRef ?? '')}`,
    placeHolder: 'Copy to the clipboard',
  });
  if (picked) await copyWithConfirmation(picked.what, picked.text());
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
