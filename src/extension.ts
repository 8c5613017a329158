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
import { NO_DELIVERIES, SESSION_PANEL_VIEW_TYPE, SessionPanels } from './editor/session-panel';
import { EmulatorControl } from './editor/target';

/** Handed to the integration tests only (ExtensionMode.Test): input boxes cannot be typed into from there. */
export interface TestApi {
  setCredentials(apiKey: string, apiSecret: string): Promise<void>;
  clearCredentials(): Promise<void>;
  emulatorUrl(): string | undefined;
  /** The next Create Session throws in its first UI step after a 2xx (the history entry is already saved). */
  failNextUiStep(): void;
  /** Runs activation's emulator auto-start again, with the next start failing when `fail` is set. */
  autoStartEmulator(fail: boolean): Promise<void>;
  /** Moves the built-in emulator's clock forward (ms, from now on), so its tokens expire without waiting. */
  advanceEmulatorClock(ms: number): void;
  /** What the iDenfy Sessions view shows for a session now (its tree item), or undefined. */
  sessionRow(
    id: string,
  ): { label: string; description: string; icon: string; contextValue: string; tooltip: string } | undefined;
  /** The open session panels: their entry, title and the HTML they show now. */
  sessionPanels(): { entryId: string; title: string; html: string; visible: boolean }[];
  /** As if the session panel of `entryId` posted `message` (a button press). */
  sessionPanelMessage(entryId: string, message: unknown): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const log = new Log();
  const credentials = new CredentialStore(context.secrets);
  // Fault hooks for the integration tests; the production bundle has none (__IDENFY_TEST_BUILD__ is false).
  const testHooks = __IDENFY_TEST_BUILD__
    ? { failNextUiStep: false, failNextStart: false, clockOffsetMs: 0 }
    : undefined;
  const emulator = new EmulatorControl(log, testHooks);
  const history = new HistoryView(context.globalStorageUri.fsPath);
  const diagnostics = new RequestDiagnostics();
  const responses = new ResponseDocuments();
  const deps = { credentials, emulator, history, log, diagnostics, responses, testHooks };
  // The webhooks workbench (branch wh-editor) hands its per-session deliveries in here at merge.
  const sessionPanels = new SessionPanels(history, NO_DELIVERIES, log);

  context.subscriptions.push(
    log,
    credentials,
    emulator,
    history,
    diagnostics,
    responses,
    vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, responses),
    vscode.languages.registerCodeActionsProvider({ pattern: '**/*.idenfy.json' }, new PropertyFixes(), {
      providedCodeActionKinds: PropertyFixes.kinds,
    }),
    vscode.window.createTreeView('idenfy.sessions', { treeDataProvider: history, showCollapseAll: false }),
    ...Object.entries(commandTable(deps)).map(([id, handler]) =>
      vscode.commands.registerCommand(id, handler),
    ),
    sessionPanels,
    vscode.window.registerWebviewPanelSerializer(SESSION_PANEL_VIEW_TYPE, sessionPanels),
    vscode.commands.registerCommand('idenfy.history.openSession', (entry?: unknown) =>
      sessionPanels.open(entry).then(() => undefined),
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

  // The test API and its fault hooks exist in test builds only: esbuild drops this in the production bundle.
  if (!__IDENFY_TEST_BUILD__ || !testHooks || context.extensionMode !== vscode.ExtensionMode.Test)
    return undefined;
  return {
    setCredentials: (apiKey, apiSecret) => credentials.set({ apiKey, apiSecret }),
    clearCredentials: () => credentials.clear(),
    emulatorUrl: () => emulator.running?.baseUrl,
    failNextUiStep: () => {
      testHooks.failNextUiStep = true;
    },
    sessionRow: (id) => {
      const entry = history.history().get(id);
      if (!entry) return undefined;
      const item = history.getTreeItem(entry);
      const tooltip = item.tooltip;
      return {
        label: String(item.label),
        description: String(item.description),
        icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '',
        contextValue: item.contextValue ?? '',
        tooltip: tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip ?? ''),
      };
    },
    sessionPanels: () => sessionPanels.snapshot(),
    sessionPanelMessage: (entryId, message) => sessionPanels.receive(entryId, message),
    advanceEmulatorClock: (ms) => {
      testHooks.clockOffsetMs += ms;
    },
    autoStartEmulator: (fail) => {
      testHooks.failNextStart = fail;
      return emulator.autoStart();
    },
  };
}

export function deactivate(): void {}
