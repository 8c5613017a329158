import * as vscode from 'vscode';

export const RESPONSE_SCHEME = 'idenfy-session';

/**
 * Responses open as virtual documents: read-only by nature, never written to disk, and gone with
 * the window (the history keeps the data).
 */
export class ResponseDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '{}';
  }

  async open(scanRef: string, response: Record<string, unknown>): Promise<vscode.TextEditor> {
    const safe = scanRef.replace(/[^A-Za-z0-9-]/g, '_') || 'session';
    const uri = vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${safe}.response.json` });
    this.contents.set(uri.toString(), `${JSON.stringify(response, null, 2)}\n`);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'json');
    return vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
}
