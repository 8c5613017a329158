import * as vscode from 'vscode';

export const RESPONSE_SCHEME = 'idenfy-session';

/**
 * Responses open as virtual documents: read-only by nature, never written to disk, and gone with
 * the window (the history keeps the data). One document per scanRef: opening it again shows the tab
 * that is already open instead of a second copy beside it.
 */
export class ResponseDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '{}';
  }

  static uriFor(scanRef: string, kind: 'response.json' | 'result.md' = 'response.json'): vscode.Uri {
    const safe = scanRef.replace(/[^A-Za-z0-9-]/g, '_') || 'session';
    return vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${safe}.${kind}` });
  }

  open(scanRef: string, response: Record<string, unknown>): Promise<vscode.TextEditor> {
    return this.show(ResponseDocuments.uriFor(scanRef), `${JSON.stringify(response, null, 2)}\n`, 'json');
  }

  /**
   * The full result, explained (Markdown): shown, never stored; the history keeps only the status.
   * Photo links in it expire, so each Show Result replaces the text with the latest answer.
   */
  openResult(scanRef: string, markdown: string): Promise<vscode.TextEditor> {
    return this.show(ResponseDocuments.uriFor(scanRef, 'result.md'), markdown, 'markdown');
  }

  private async show(uri: vscode.Uri, text: string, language: string): Promise<vscode.TextEditor> {
    const key = uri.toString();
    const previous = this.contents.get(key);
    this.contents.set(key, text);
    if (previous !== undefined && previous !== text) this.changed.fire(uri);
    const opened = await vscode.workspace.openTextDocument(uri);
    // Changing the language closes and reopens the document: only for a fresh one.
    const document =
      opened.languageId === language
        ? opened
        : await vscode.languages.setTextDocumentLanguage(opened, language);
    const open = openTab(key);
    return vscode.window.showTextDocument(document, {
      preview: open ? open.isPreview : true,
      // Beside the editor in use; with none, where it would be (no empty group left of it).
      viewColumn: open
        ? open.group.viewColumn
        : vscode.window.activeTextEditor
          ? vscode.ViewColumn.Beside
          : vscode.ViewColumn.Active,
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The tab already showing `key`, in any editor group; the active group's first. */
function openTab(key: string): vscode.Tab | undefined {
  const groups = [...vscode.window.tabGroups.all].sort((a, b) => Number(b.isActive) - Number(a.isActive));
  for (const group of groups) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key) return tab;
    }
  }
  return undefined;
}
