/**
 * Wiring only: builds the editor-layer pieces and registers them. Nothing heavy loads here; zod,
 * undici and the emulator live in dist/idenfy-core.js and load on first use.
 */
import * as vscode from 'vscode';
import { commandTable } from './editor/commands';
import { CredentialStore } from './editor/credentials';
import { HistoryView } from './editor/history-view';
import { Log } from './editor/log';
import { PropertyFixes } from './editor/property-fixes';
import { RequestDiagnostics } from './editor/request-diagnostics';
import { RESPONSE_SCHEME, ResponseDocuments } from './editor/response-documents';
import { EmulatorControl } from './editor/target';

/** Handed to the integration tests only (ExtensionMode.Test): input boxes cannot be typed into from there. */
export interface TestApi {
  setCredentials(apiKey: string, apiSecret: string): Promise<void>;
  clearCredentials(): Promise<void>;
  emulatorUrl(): string | undefined;
  /** The next Create Session throws in its first UI step after a 2xx (the history entry is already saved). */
  failNextUiStep(): void;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const log = new Log();
  const credentials = new CredentialStore(context.secrets);
  const emulator = new EmulatorControl(log);
  const history = new HistoryView(context.globalStorageUri.fsPath);
  const diagnostics = new RequestDiagnostics();
  const responses = new ResponseDocuments();
  const testHooks = { failNextUiStep: false };
  const deps = { credentials, emulator, history, log, diagnostics, responses, testHooks };

  context.subscriptions.push(
    log,
    credentials,
    emulator,
    history,
    diagnostics,
    vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, responses),
    vscode.languages.registerCodeActionsProvider({ pattern: '**/*.idenfy.json' }, new PropertyFixes(), {
      providedCodeActionKinds: PropertyFixes.kinds,
    }),
    vscode.window.createTreeView('idenfy.sessions', { treeDataProvider: history, showCollapseAll: false }),
    ...Object.entries(commandTable(deps)).map(([id, handler]) =>
      vscode.commands.registerCommand(id, handler),
    ),
  );
  // Other windows may set or clear the credentials: follow SecretStorage's change events (no reload).
  const credentialsContext = () =>
    credentials.get().then(
      (c) => vscode.commands.executeCommand('setContext', 'idenfy.credentialsSet', c !== undefined),
      () => undefined,
    );
  context.subscriptions.push(credentials.onDidChange(() => void credentialsContext()));
  void credentialsContext();
  void emulator
    .autoStart()
    .catch((err: unknown) => log.error(`Could not start the local emulator: ${String(err)}`));

  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    setCredentials: (apiKey, apiSecret) => credentials.set({ apiKey, apiSecret }),
    clearCredentials: () => credentials.clear(),
    emulatorUrl: () => emulator.running?.baseUrl,
    failNextUiStep: () => {
      testHooks.failNextUiStep = true;
    },
  };
}

export function deactivate(): void {}
