/**
 * The session panel: one webview per session (opened again, the same panel comes to the front),
 * showing what the history knows of it, its verification link as a QR code, copy buttons, the
 * lifecycle actions and its webhook deliveries. The HTML, the model and the QR code come from
 * src/panel/ in dist/idenfy-core.js, loaded on first use; this file only holds the webviews.
 * A panel's saved state is its entry id, never a token: after a reload the serializer finds the
 * entry in the history again (or says it is gone).
 */
import * as vscode from 'vscode';
import type { HistoryEntry } from '../history/store';
import type { PanelCommand } from '../panel/render';
import { iframeSnippet, verificationPageUrl } from '../session/links';
import type { WebhookDelivery } from '../webhooks/delivery';
import { copyWithConfirmation } from './clipboard';
import { loadCore } from './core-loader';
import type { HistoryView } from './history-view';
import type { Log } from './log';

export const SESSION_PANEL_VIEW_TYPE = 'idenfy.sessionPanel';

/** The webhook deliveries recorded per session, and an event when any of them change. */
export interface SessionDeliveries {
  deliveriesOf(entryId: string): readonly WebhookDelivery[];
  /** What the Sessions view's Resend / Show Payload commands take for the delivery made at `at`. */
  nodeOf(entryId: string, at: string): unknown;
  readonly onDidChange: vscode.Event<unknown>;
}

/** The existing commands each panel button runs, with the session's entry. */
const COMMANDS: Record<PanelCommand, string> = {
  openPage: 'idenfy.history.openPage',
  showResponse: 'idenfy.history.showResponse',
  checkStatus: 'idenfy.history.checkStatus',
  showResult: 'idenfy.history.showResult',
  savePdf: 'idenfy.history.savePdf',
  deletePersonalData: 'idenfy.history.deletePersonalData',
  completeEmulator: 'idenfy.history.completeEmulator',
};

interface OpenPanel {
  panel: vscode.WebviewPanel;
  entryId: string;
  /** What the page shows now (the model as JSON): an unchanged model is not rendered again. */
  shown?: string;
  html?: string;
  /** The button last pressed, focused again after a re-render. */
  focus?: string;
  /** Re-renders when the token expires (the link and QR code go). */
  expiry?: ReturnType<typeof setTimeout>;
}

export class SessionPanels implements vscode.WebviewPanelSerializer<unknown>, vscode.Disposable {
  private readonly panels = new Map<string, OpenPanel>();
  /** Every panel not disposed yet (the map holds one per session; this tells if that ever fails). */
  private readonly live = new Set<OpenPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The history is followed from the first panel on (following it loads the core). */
  private followingHistory = false;

  constructor(
    private readonly history: HistoryView,
    private readonly deliveries: SessionDeliveries,
    private readonly log: Log,
  ) {
    this.subscriptions.push(deliveries.onDidChange(() => this.renderAll()));
  }

  /** Shows the session's panel (the open one if there is one); with no entry given, asks which. */
  async open(given?: unknown): Promise<vscode.WebviewPanel | undefined> {
    const entryId = await this.entryIdFor(given);
    if (entryId === undefined) return undefined;
    const open = this.panels.get(entryId);
    if (open) {
      open.panel.reveal(open.panel.viewColumn);
      this.render(open);
      return open.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      SESSION_PANEL_VIEW_TYPE,
      'iDenfy session',
      // Beside the request file in use, as the response document opened; with none, where it would be.
      vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
      webviewOptions(),
    );
    this.attach(panel, entryId);
    return panel;
  }

  /**
   * After a reload: the panel's state is `{ entryId }` (set by the page's script). VS Code in the
   * browser can bring a panel back with its title but without that state (it stores the layout every
   * few seconds and a reload does not wait): the title then names the session.
   */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const fromState =
      typeof state === 'object' &&
      state !== null &&
      typeof (state as { entryId?: unknown }).entryId === 'string'
        ? (state as { entryId: string }).entryId
        : '';
    panel.webview.options = webviewOptions();
    // The history is read on first use; a damaged one is reported by the view, the panel says "gone".
    await this.history
      .history()
      .load()
      .catch(() => undefined);
    const entryId =
      fromState ||
      (this.history
        .history()
        .list()
        .find((e) => panelTitle(e) === panel.title)?.id ??
        '');
    const twin = this.panels.get(entryId);
    if (twin && entryId !== '') {
      // Two restored panels of one session: keep the first, one panel per session.
      panel.dispose();
      return;
    }
    this.attach(panel, entryId);
  }

  /** For the integration tests: what each open panel shows. */
  snapshot(): { entryId: string; title: string; html: string; visible: boolean }[] {
    return [...this.live].map((p) => ({
      entryId: p.entryId,
      title: p.panel.title,
      html: p.html ?? '',
      visible: p.panel.visible,
    }));
  }

  /** For the integration tests: as if the panel's page posted `message`. */
  receive(entryId: string, message: unknown): Promise<void> {
    const open = this.panels.get(entryId);
    return open ? this.handle(open, message) : Promise.resolve();
  }

  private async entryIdFor(given: unknown): Promise<string | undefined> {
    if (typeof given === 'string') return given;
    if (given && typeof given === 'object' && typeof (given as HistoryEntry).id === 'string') {
      return (given as HistoryEntry).id;
    }
    const picked = await vscode.window.showQuickPick(
      this.history
        .history()
        .list()
        .map((entry) => ({ label: entry.clientId || '(no clientId)', description: entry.scanRef, entry })),
      { placeHolder: 'Which session?' },
    );
    return picked?.entry.id;
  }

  private attach(panel: vscode.WebviewPanel, entryId: string): void {
    this.followHistory();
    const open: OpenPanel = { panel, entryId };
    this.panels.set(entryId, open);
    this.live.add(open);
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => void this.handle(open, message)),
      panel.onDidDispose(() => {
        if (this.panels.get(entryId) === open) this.panels.delete(entryId);
        this.live.delete(open);
        clearTimeout(open.expiry);
        for (const s of subscriptions) s.dispose();
      }),
    ];
    this.render(open);
  }

  private followHistory(): void {
    if (this.followingHistory) return;
    this.followingHistory = true;
    this.subscriptions.push(this.history.history().onDidChange(() => this.renderAll()));
  }

  private renderAll(): void {
    for (const open of this.panels.values()) this.render(open);
  }

  private render(open: OpenPanel): void {
    const core = loadCore();
    const entry = this.history.history().get(open.entryId);
    const context = {
      // Web Crypto rather than node:crypto, whose import would cost ~10 ms at activation.
      nonce: Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(18))).toString('base64'),
      cspSource: open.panel.webview.cspSource,
      ...(open.focus ? { focus: open.focus } : {}),
    };
    clearTimeout(open.expiry);
    if (!entry) {
      if (open.shown === 'gone') return;
      open.shown = 'gone';
      open.panel.title = 'iDenfy session (gone)';
      open.html = core.renderGoneSession(open.entryId, context);
      open.panel.webview.html = open.html;
      return;
    }
    const deliveries = this.deliveries.deliveriesOf(entry.id);
    const left = Date.parse(entry.expiresAt) - Date.now();
    // setTimeout's limit is ~24.8 days; a longer token is re-rendered on the next change anyway.
    if (left > 0 && left < 2 ** 31 - 1) open.expiry = setTimeout(() => this.render(open), left + 250);
    // Everything the page is made from: unchanged, the page stays as it is (focus and scroll included).
    const shown = JSON.stringify({ entry, deliveries, expired: !(left > 0) });
    if (shown === open.shown) return;
    open.shown = shown;
    const model = core.sessionPanelModel(entry, deliveries);
    open.panel.title = panelTitle(entry);
    open.html = core.renderSessionPanel(model, context);
    open.panel.webview.html = open.html;
  }

  private async handle(open: OpenPanel, raw: unknown): Promise<void> {
    const message = loadCore().parsePanelMessage(raw);
    if (!message) return;
    if (message.focus) open.focus = message.focus;
    const entry = this.history.history().get(open.entryId);
    if (!entry) return this.render(open);
    try {
      switch (message.command) {
        case 'copy':
          await copy(entry, message.what);
          return;
        case 'resendWebhook':
        case 'showPayload':
          await vscode.commands.executeCommand(
            message.command === 'resendWebhook'
              ? 'idenfy.history.resendWebhook'
              : 'idenfy.history.showWebhookPayload',
            this.deliveries.nodeOf(entry.id, message.deliveryAt),
          );
          return;
        default:
          await vscode.commands.executeCommand(COMMANDS[message.command], entry);
      }
    } catch (err) {
      this.log.error(`Session panel: ${message.command} failed: ${String(err)}`);
      void vscode.window.showErrorMessage(`iDenfy: ${message.command} failed: ${String(err)}`);
    }
  }

  dispose(): void {
    for (const open of this.panels.values()) open.panel.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  // Scripts for the buttons and the clock; no command links, and no file of ours or the workspace's
  // can be loaded (everything the page needs is inline, under the nonce).
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [], enableFindWidget: true };
}

function copy(entry: HistoryEntry, what: 'authToken' | 'scanRef' | 'iframe' | 'link'): Promise<void> {
  switch (what) {
    case 'authToken':
      return copyWithConfirmation('authToken', entry.authToken);
    case 'scanRef':
      return copyWithConfirmation('scanRef', entry.scanRef);
    case 'iframe':
      return copyWithConfirmation('iframe snippet', iframeSnippet(entry.response));
    case 'link':
      return copyWithConfirmation('verification link', verificationPageUrl(entry.baseUrl, entry.response));
  }
}

/** The short scanRef tells apart the panels of one clientId's sessions, and finds the session again. */
function panelTitle(entry: HistoryEntry): string {
  return `iDenfy: ${entry.clientId || '(no clientId)'} · ${entry.scanRef.split('-')[0]}`;
}
