import * as vscode from 'vscode';
import type { DeliveryLog, StoredDelivery } from '../history/deliveries';
import type { HistoryEntry, HistoryStore } from '../history/store';
import type { WebhookDelivery } from '../webhooks/delivery';
import { loadCore } from './core-loader';
import { deliveryRowText, sessionRowText } from './session-row';
import { historyRetentionDays } from './settings';

/** A webhook delivery, shown under its session. */
export interface DeliveryNode {
  delivery: StoredDelivery;
}

/** A row of the view: a session, or one of its webhook deliveries. */
export type SessionsNode = HistoryEntry | DeliveryNode;

export function isDeliveryNode(node: unknown): node is DeliveryNode {
  return typeof node === 'object' && node !== null && 'delivery' in node;
}

/** The "iDenfy Sessions" view in the Explorer. The store loads on first display, not at activation. */
export class HistoryView implements vscode.TreeDataProvider<SessionsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly recorded = new vscode.EventEmitter<{ entryId: string; stored: StoredDelivery }>();
  /** A webhook delivery was recorded under a session (and the view redrawn). */
  readonly onDidRecordDelivery = this.recorded.event;
  private store: HistoryStore | undefined;
  private log: DeliveryLog | undefined;
  /** Sessions with deliveries, as listed when the view last asked for its rows. */
  private withDeliveries = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** `folder`: the extension's global storage folder, where the history file lives. */
  constructor(private readonly folder: string) {
    // Rows say "expires in 3h": redraw them now and then so that stays true.
    const timer = setInterval(() => this.changed.fire(), 60_000);
    this.subscriptions.push({ dispose: () => clearInterval(timer) });
  }

  /** The store, created once; damaged stored history is reported, kept aside, never dropped. */
  history(): HistoryStore {
    if (!this.store) {
      const core = loadCore();
      const storage = new core.JsonFileStorage(this.folder);
      this.subscriptions.push(storage);
      const store = new core.HistoryStore(storage, {
        retentionDays: historyRetentionDays,
        onWarning: (w) => void vscode.window.showWarningMessage(`iDenfy Sessions: ${w.message}`),
      });
      this.store = store;
      // Other windows share the history: follow their changes as they happen (store.watch) and
      // re-read whenever the view refreshes (getChildren), where the folder cannot be watched.
      this.subscriptions.push(
        store.onDidChange(() => {
          // A session removed (here, in another window, or past retention) takes its deliveries along.
          this.pruneDeliveries();
          this.changed.fire();
        }),
        store.watch(),
      );
      store.load().then(
        (warnings) => {
          this.pruneDeliveries();
          for (const w of warnings) void vscode.window.showWarningMessage(`iDenfy Sessions: ${w.message}`);
        },
        (err: unknown) =>
          void vscode.window.showErrorMessage(
            `iDenfy Sessions: the saved history could not be read (${String(err)}).`,
          ),
      );
    }
    return this.store;
  }

  /** The webhook deliveries of every session, beside the history in the same folder. */
  deliveries(): DeliveryLog {
    this.log ??= new (loadCore().DeliveryLog)(this.folder);
    return this.log;
  }

  /**
   * Records a webhook call under its session: the one given (Resend), or the one whose scanRef it names
   * (the emulator's, or the payload's for Send Webhook); returns the session's entry id, or undefined when no session in the history has
   * that scanRef (the delivery is then not kept: there is nothing to show it under).
   */
  recordDelivery(
    session: { scanRef: string | undefined } | { entryId: string },
    delivery: WebhookDelivery,
    payload: string,
  ): { entryId: string; stored: StoredDelivery } | undefined {
    if (delivery.status !== null && delivery.status >= 200 && delivery.status < 300) {
      // A walkthrough step completes on this.
      void vscode.commands.executeCommand('setContext', 'idenfy.webhookDelivered', true);
    }
    const store = this.history();
    const entry =
      'entryId' in session
        ? store.get(session.entryId)
        : session.scanRef
          ? store.list().find((e) => e.scanRef === session.scanRef)
          : undefined;
    if (!entry) return undefined;
    const stored = this.deliveries().record(entry.id, delivery, payload);
    this.withDeliveries.add(entry.id);
    this.changed.fire();
    this.recorded.fire({ entryId: entry.id, stored });
    return { entryId: entry.id, stored };
  }

  private pruneDeliveries(): void {
    const store = this.store;
    if (!store) return;
    try {
      this.deliveries().prune(() => store.storedIds());
    } catch (err) {
      void vscode.window.showWarningMessage(
        `iDenfy Sessions: webhook deliveries of removed sessions could not be deleted (${String(err)}).`,
      );
    }
  }

  getParent(node: SessionsNode): SessionsNode | undefined {
    if (!isDeliveryNode(node)) return undefined;
    return this.store?.get(node.delivery.entryId);
  }

  getChildren(element?: SessionsNode): SessionsNode[] {
    if (isDeliveryNode(element)) return [];
    if (element)
      return this.deliveries()
        .list(element.id)
        .map((delivery) => ({ delivery }));
    const fresh = this.store === undefined;
    const store = this.history();
    // A change found fires onDidChangeTreeData, and the view asks again (and finds none then).
    if (!fresh) store.reload().catch(() => undefined);
    try {
      this.withDeliveries = this.deliveries().sessionIds();
    } catch {
      this.withDeliveries = new Set();
    }
    return [...store.list()];
  }

  getTreeItem(node: SessionsNode): vscode.TreeItem {
    return isDeliveryNode(node) ? this.deliveryItem(node) : this.sessionItem(node);
  }

  private deliveryItem(node: DeliveryNode): vscode.TreeItem {
    const { delivery, id, entryId } = node.delivery;
    const row = deliveryRowText(delivery);
    const item = new vscode.TreeItem(row.label);
    item.id = `${entryId}/delivery/${id}`;
    item.description = row.description;
    item.iconPath = DELIVERY_ICONS[row.outcome];
    item.contextValue = `idenfyDelivery.${row.outcome}`;
    const tooltip = new vscode.MarkdownString(row.tooltip.join('  \n'));
    if (delivery.answerHead)
      tooltip.appendMarkdown('\n\n**answer**').appendCodeblock(delivery.answerHead, 'text');
    item.tooltip = tooltip;
    item.command = { command: 'idenfy.history.showWebhookPayload', title: 'Show Payload', arguments: [node] };
    return item;
  }

  private sessionItem(entry: HistoryEntry): vscode.TreeItem {
    // Label and description carry what tells sessions apart (rows are narrow); the tooltip has the rest.
    const { label, description, expired, status, checked } = sessionRowText(entry);
    const item = new vscode.TreeItem(label);
    const created = new Date(entry.createdAt);
    item.id = entry.id;
    item.description = description;
    // Its webhook deliveries, when it has any, are its children.
    if (this.withDeliveries.has(entry.id)) item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
    item.iconPath = statusIcon(status);
    // <state>.<target>: the page opens while the token is valid; Complete is for emulator sessions.
    item.contextValue = `idenfySession.${expired ? 'expired' : 'active'}.${entry.target}`;
    item.tooltip = new vscode.MarkdownString(
      [
        `**status** ${status} (${checked})`,
        `**clientId** ${entry.clientId}`,
        `**scanRef** \`${entry.scanRef}\``,
        `**created** ${created.toLocaleString()}`,
        `**expires** ${new Date(entry.expiresAt).toLocaleString()}${expired ? ' (expired)' : ''}`,
        `**target** ${entry.target === 'emulator' ? `offline emulator (${entry.baseUrl})` : `iDenfy (${entry.baseUrl})`}`,
        ...(entry.profile === undefined ? [] : [`**profile** ${entry.profile}`]),
      ].join('  \n'),
    );
    item.command = { command: 'idenfy.history.openSession', title: 'Open Session', arguments: [entry] };
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
    this.recorded.dispose();
  }
}

/** One icon per status, coloured as the Testing view colours results, so verdicts read at a glance. */
const ICONS: Record<string, [string, string?]> = {
  active: ['circle-large-outline'],
  approved: ['pass', 'testing.iconPassed'],
  denied: ['error', 'testing.iconFailed'],
  suspected: ['warning', 'list.warningForeground'],
  reviewing: ['eye', 'testing.iconQueued'],
  expired: ['history'],
  deleted: ['trash'],
  archived: ['archive'],
};

const DELIVERY_ICONS = {
  ok: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  refused: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  failed: new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('list.warningForeground')),
};

function statusIcon(status: string): vscode.ThemeIcon {
  const [icon, color] = ICONS[status] ?? ['question'];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}
