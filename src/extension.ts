/**
 * Wiring only: builds the editor-layer pieces and registers them. Nothing heavy loads here; zod,
 * undici and the emulator live in dist/idenfy-core.js and load on first use.
 */
import * as vscode from 'vscode';
import { commandTable } from './editor/commands';
import { CredentialStore } from './editor/credentials';
import { HistoryView } from './editor/history-view';
import { Log } from './editor/log';
import { ProfileStore } from './editor/profiles';
import { PropertyFixes } from './editor/property-fixes';
import { RequestDiagnostics } from './editor/request-diagnostics';
import { RESPONSE_SCHEME, ResponseDocuments } from './editor/response-documents';
import { SESSION_PANEL_VIEW_TYPE, SessionPanels } from './editor/session-panel';
import { EmulatorControl } from './editor/target';
import {
  forgetWalkthroughOffer,
  offerWalkthroughOnce,
  showWalkthroughOffer,
  trackRequestFiles,
} from './editor/walkthrough';
import { webhookCommandTable } from './editor/webhook-commands';
import { WebhookKeyStore } from './editor/webhook-key';
import { startJsonSupportForWebhookFiles } from './editor/webhook-language';

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
  /** Credential profiles (input boxes and quick picks cannot be answered from the extension host). */
  addProfile(profile: {
    name: string;
    baseUrl: string;
    apiKey: string;
    apiSecret: string;
    webhookSigningKey?: string;
    live?: boolean;
  }): Promise<string>;
  /** Makes the named profile active (stopping the emulator, as Switch Profile does). */
  switchProfile(name: string): Promise<void>;
  removeProfile(name: string): Promise<void>;
  profiles(): { id: string; name: string; baseUrl: string; live: boolean; active: boolean }[];
  /** The status bar item's text, e.g. "$(shield) iDenfy: production (live)". */
  statusBarText(): string;
  /** Queues the answer to the next live-send modal; the modal's words are kept for liveQuestions(). */
  answerLiveConfirmation(send: boolean): void;
  liveQuestions(): { message: string; detail: string; button: string }[];
  /** Stores a pre-profiles credential pair under its old keys and runs the migration again. */
  migrateLegacy(legacy: { apiKey: string; apiSecret: string; webhookSigningKey?: string }): Promise<void>;
  /** A profile's webhook signing key is stored (the value itself is not handed out). */
  hasWebhookSigningKey(name: string): Promise<boolean>;
  /** Runs the first-run offer of the walkthrough (skipped in test runs); `reset` forgets it was offered. */
  offerWalkthrough(options?: { reset?: boolean }): Promise<'offered' | 'alreadyOffered'>;
  /** Sets (or, with undefined, clears) the webhook signing key: the password box cannot be typed into. */
  setWebhookSigningKey(key: string | undefined): Promise<void>;
  /** Resolves when the next webhook delivery is recorded under a session (emulator or Send Webhook). */
  nextRecordedDelivery(): Promise<{ entryId: string; status: number | null; source: string }>;
  /** The running emulator's webhook signing key, for a test's receiver to verify with. */
  emulatorWebhookSigningKey(): string | undefined;
  /** The rows under a session in the iDenfy Sessions view (its webhook deliveries), with the nodes the commands take. */
  deliveryRows(id: string): {
    collapsible: boolean;
    rows: {
      label: string;
      description: string;
      icon: string;
      contextValue: string;
      tooltip: string;
      node: unknown;
    }[];
  };
  /** The open session panels: their entry, title and the HTML they show now. */
  sessionPanels(): { entryId: string; title: string; html: string; visible: boolean }[];
  /** As if the session panel of `entryId` posted `message` (a button press). */
  sessionPanelMessage(entryId: string, message: unknown): Promise<void>;
  /** As VS Code does after a reload: hands `panel` and its saved state to the panel serializer. */
  restoreSessionPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const log = new Log();
  // Moves the single pre-profiles credential pair into the profile "default" once (in the background).
  const profiles = new ProfileStore(context.secrets, context.globalState, log);
  const credentials = new CredentialStore(profiles);
  // Fault hooks for the integration tests; the production bundle has none (__IDENFY_TEST_BUILD__ is false).
  const testHooks = __IDENFY_TEST_BUILD__
    ? {
        failNextUiStep: false,
        failNextStart: false,
        clockOffsetMs: 0,
        liveAnswers: [] as boolean[],
        liveQuestions: [] as { message: string; detail: string; button: string }[],
      }
    : undefined;
  const emulator = new EmulatorControl(log, profiles, testHooks);
  const history = new HistoryView(context.globalStorageUri.fsPath);
  const diagnostics = new RequestDiagnostics();
  const responses = new ResponseDocuments();
  const deps = { credentials, profiles, emulator, history, log, diagnostics, responses, testHooks };
  const webhookKeys = new WebhookKeyStore(profiles);
  const webhookDeps = { ...deps, webhookKeys, state: context.globalState };
  // A session's panel lists its webhook deliveries (recorded by the Sessions view's delivery log).
  const sessionPanels = new SessionPanels(
    history,
    {
      deliveriesOf: (id) =>
        history
          .deliveries()
          .list(id)
          .map((s) => s.delivery),
      nodeOf: (id, at) => {
        const stored = history
          .deliveries()
          .list(id)
          .filter((s) => s.delivery.at === at)
          .pop();
        return stored && { delivery: stored };
      },
      onDidChange: history.onDidRecordDelivery,
    },
    log,
  );

  context.subscriptions.push(
    log,
    profiles,
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
    startJsonSupportForWebhookFiles(),
    webhookKeys,
    ...Object.entries(webhookCommandTable(webhookDeps)).map(([id, handler]) =>
      vscode.commands.registerCommand(id, handler),
    ),
    // The emulator's deliveries go under their session in the Sessions view; a walkthrough step
    // completes on idenfy.verificationFinished.
    emulator.onWebhook((e) => {
      try {
        history.recordDelivery({ scanRef: e.scanRef }, e.delivery, bodyText(e.body));
      } catch (err) {
        log.error(`The emulator's webhook delivery could not be saved to the Sessions view: ${String(err)}`);
      }
    }),
    emulator.onFinished(
      () => void vscode.commands.executeCommand('setContext', 'idenfy.verificationFinished', true),
    ),
    sessionPanels,
    vscode.window.registerWebviewPanelSerializer(SESSION_PANEL_VIEW_TYPE, sessionPanels),
    vscode.commands.registerCommand('idenfy.history.openSession', (entry?: unknown) =>
      sessionPanels.open(entry).then(() => undefined),
    ),
  );
  const webhookKeyContext = () =>
    webhookKeys.get().then(
      (k) => vscode.commands.executeCommand('setContext', 'idenfy.webhookKeySet', k !== undefined),
      () => undefined,
    );
  context.subscriptions.push(webhookKeys.onDidChange(() => void webhookKeyContext()));
  void webhookKeyContext();
  // Other windows may set or clear the credentials: follow SecretStorage's change events (no reload).
  const credentialsContext = () =>
    credentials.get().then(
      (c) => vscode.commands.executeCommand('setContext', 'idenfy.credentialsSet', c !== undefined),
      () => undefined,
    );
  context.subscriptions.push(credentials.onDidChange(() => void credentialsContext()));
  void credentialsContext();
  // Getting started: the walkthrough's first step, and its one-time offer (never in the integration
  // tests). IDENFY_NO_WALKTHROUGH_OFFER: set by the UI scenarios (test/e2e/ui-driver.mjs) unless one asks
  // for it. Not the CI variable: a developer's own CI-like shell must not hide it from them.
  context.subscriptions.push(trackRequestFiles());
  if (context.extensionMode !== vscode.ExtensionMode.Test && !process.env.IDENFY_NO_WALKTHROUGH_OFFER)
    void offerWalkthroughOnce(context.globalStorageUri.fsPath, showWalkthroughOffer).catch((err: unknown) =>
      log.error(`Could not offer the walkthrough: ${String(err)}`),
    );
  void emulator
    .autoStart()
    .catch((err: unknown) => log.error(`Could not start the local emulator: ${String(err)}`));

  // The test API and its fault hooks exist in test builds only: esbuild drops this in the production bundle.
  if (!__IDENFY_TEST_BUILD__ || !testHooks || context.extensionMode !== vscode.ExtensionMode.Test)
    return undefined;
  return {
    setCredentials: async (apiKey, apiSecret) => {
      await credentials.set({ apiKey, apiSecret });
    },
    clearCredentials: async () => {
      await credentials.clear();
    },
    emulatorUrl: () => emulator.running?.baseUrl,
    failNextUiStep: () => {
      testHooks.failNextUiStep = true;
    },
    sessionRow: (id) => {
      const entry = history.history().get(id);
      if (!entry) return undefined;
      return treeRow(history.getTreeItem(entry));
    },
    setWebhookSigningKey: (key) => (key === undefined ? webhookKeys.clear() : webhookKeys.set(key)),
    emulatorWebhookSigningKey: () => emulator.webhookSigningKey,
    nextRecordedDelivery: () =>
      new Promise((resolve) => {
        const once = history.onDidRecordDelivery(({ entryId, stored }) => {
          once.dispose();
          resolve({ entryId, status: stored.delivery.status, source: stored.delivery.source });
        });
      }),
    deliveryRows: (id) => {
      const entry = history.history().get(id);
      if (!entry) return { collapsible: false, rows: [] };
      history.getChildren(); // lists which sessions have deliveries, as a redraw does
      const collapsible =
        history.getTreeItem(entry).collapsibleState !== vscode.TreeItemCollapsibleState.None;
      const rows = history
        .getChildren(entry)
        .map((node) => ({ ...treeRow(history.getTreeItem(node)), node }));
      return { collapsible, rows };
    },
    sessionPanels: () => sessionPanels.snapshot(),
    sessionPanelMessage: (entryId, message) => sessionPanels.receive(entryId, message),
    restoreSessionPanel: (panel, state) => sessionPanels.deserializeWebviewPanel(panel, state),
    advanceEmulatorClock: (ms) => {
      testHooks.clockOffsetMs += ms;
    },
    offerWalkthrough: async (options) => {
      if (options?.reset) await forgetWalkthroughOffer(context.globalStorageUri.fsPath);
      return offerWalkthroughOnce(context.globalStorageUri.fsPath, showWalkthroughOffer);
    },
    autoStartEmulator: (fail) => {
      testHooks.failNextStart = fail;
      return emulator.autoStart();
    },
    addProfile: async (p) => {
      const { live = false, ...rest } = p;
      return (await profiles.add({ ...rest, live })).id;
    },
    switchProfile: async (name) => {
      const profile = profiles.list().find((p) => p.name === name);
      if (!profile) throw new Error(`no profile named ${name}`);
      await profiles.activate(profile.id);
      await emulator.stop();
    },
    removeProfile: async (name) => {
      const profile = profiles.list().find((p) => p.name === name);
      if (profile) await profiles.remove(profile.id);
    },
    profiles: () => {
      const active = profiles.active()?.id;
      return profiles.list().map((p) => ({ ...p, active: p.id === active }));
    },
    statusBarText: () => emulator.statusText(),
    answerLiveConfirmation: (send) => {
      testHooks.liveAnswers.push(send);
    },
    liveQuestions: () => [...testHooks.liveQuestions],
    migrateLegacy: async (legacy) => {
      await context.secrets.store('idenfy.apiKey', legacy.apiKey);
      await context.secrets.store('idenfy.apiSecret', legacy.apiSecret);
      if (legacy.webhookSigningKey)
        await context.secrets.store('idenfy.webhookSigningKey', legacy.webhookSigningKey);
      await profiles.runMigration();
    },
    hasWebhookSigningKey: async (name) => {
      const profile = profiles.list().find((p) => p.name === name);
      return profile !== undefined && (await profiles.webhookSigningKey(profile.id)) !== undefined;
    },
  };
}

/** The exact bytes the emulator sent, as text (the payload is JSON, so UTF-8). */
function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array)
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return String(body);
}

export function deactivate(): void {}

/** What a Sessions view row shows, in plain values (for the integration tests' TestApi). */
function treeRow(item: vscode.TreeItem) {
  const tooltip = item.tooltip;
  return {
    label: String(item.label),
    description: String(item.description),
    icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '',
    contextValue: item.contextValue ?? '',
    tooltip: tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip ?? ''),
  };
}
