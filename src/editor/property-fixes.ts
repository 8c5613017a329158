import * as vscode from 'vscode';
import { loadCore } from './core-loader';

/** VS Code's JSON service words an unknown property like this (additionalProperties: false). */
const NOT_ALLOWED = /^Property (.+) is not allowed\.$/;

/**
 * "Change to "clientId"" for a misspelt property in a request file: the nearest known name, by the
 * same rule as the pre-send message. The core bundle loads only when such a diagnostic exists.
 */
export class PropertyFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const name = NOT_ALLOWED.exec(diagnostic.message)?.[1];
      if (!name) continue;
      const core = loadCore();
      const nearest = core.nearestKnownProperty(name, core.KNOWN_PROPERTIES);
      if (!nearest) continue;
      const action = new vscode.CodeAction(`Change to "${nearest}"`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      action.edit = new vscode.WorkspaceEdit();
      // The diagnostic covers the key with its quotes.
      const quoted = document.getText(diagnostic.range).startsWith('"');
      action.edit.replace(document.uri, diagnostic.range, quoted ? JSON.stringify(nearest) : nearest);
      actions.push(action);
    }
    return actions;
  }
}
