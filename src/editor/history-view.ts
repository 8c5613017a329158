import * as vscode from 'vscode';
import type { HistoryEntry, HistoryStore } from '../history/store';
import { loadCore } from './core-loader';
import { sessionRowText } from './session-row';
import { historyRetentionDays } from './settings';

/** The "iDenfy Sessions" view in the Explorer. The store loads on first display, not at activation. */
export class HistoryView implements vscode.TreeDataProvider<HistoryEntry>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private store: HistoryStore | undefined;
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
        store.onDidChange(() => this.changed.fire()),
        store.watch(),
      );
      store.load().then(
        (warnings) => {
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

  getChildren(element?: HistoryEntry): HistoryEntry[] {
    if (element) return [];
    const fresh = this.store === undefined;
    const store = this.history();
    // A change found fires onDidChangeTreeData, and the view asks again (and finds none then).
    if (!fresh) store.reload().catch(() => undefined);
    return [...store.list()];
  }

  getTreeItem(entry: HistoryEntry): vscode.TreeItem {
    // Label and description carry what tells sessions apart (rows are narrow); the tooltip has the rest.
    const { label, description, expired, status, checked } = sessionRowText(entry);
    const item = new vscode.TreeItem(label);
    const created = new Date(entry.createdAt);
    item.id = entry.id;
    item.description = description;
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
      ].join('  \n'),
    );
    item.command = { command: 'idenfy.history.openSession', title: 'Open Session', arguments: [entry] };
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
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

function statusIcon(status: string): vscode.ThemeIcon {
  const [icon, color] = ICONS[status] ?? ['question'];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}
