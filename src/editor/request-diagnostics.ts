import * as vscode from 'vscode';

/**
 * Problems the JSON service cannot show: a field iDenfy refused (`Field 'country' ...`), text-level
 * problems found before sending (lost bytes, size or depth limits), and, after a refused send, every
 * schema problem again as an error (the JSON service can only show those as warnings). Cleared on the
 * next edit or send.
 */
export class RequestDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('idenfy');
  private readonly subscription = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length > 0) this.collection.delete(e.document.uri);
  });

  set(document: vscode.TextDocument, problems: { offset: number; length: number; message: string }[]): void {
    this.collection.set(
      document.uri,
      problems.map((p) => {
        const start = document.positionAt(p.offset);
        const end = document.positionAt(p.offset + Math.max(p.length, 1));
        const d = new vscode.Diagnostic(
          new vscode.Range(start, end),
          p.message,
          vscode.DiagnosticSeverity.Error,
        );
        d.source = 'iDenfy';
        return d;
      }),
    );
  }

  clear(document: vscode.TextDocument): void {
    this.collection.delete(document.uri);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
