import * as vscode from 'vscode';
import type { RequestDiagnostics } from './request-diagnostics';

/** A problem of a document that blocks an action: where it is, what it says, and who found it. */
export interface BlockingProblem {
  offset: number;
  length: number;
  message: string;
  /** 'model' for schema/model problems, which VS Code's JSON service shows only as yellow warnings. */
  source: string;
}

/** A file's name without its folders, as messages show it. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * One refusal for Create Session, Send Webhook and Copy as: VS Code's JSON service shows schema problems
 * as warnings (an extension cannot change that severity), yet each of them blocks the action, so every
 * problem is also marked as an error of our own, and one message names the first, with Show Problems.
 * `notDone` says what did not happen ("sent", "copied"); `because` why the problems matter.
 */
export function refuseProblems(
  diagnostics: RequestDiagnostics,
  document: vscode.TextDocument,
  problems: readonly BlockingProblem[],
  words: { notDone: string; because: string },
): { problems: number; message: string } {
  diagnostics.set(
    document,
    problems.map((p) => (p.source === 'model' ? { ...p, message: `Blocks sending: ${p.message}` } : p)),
  );
  const n = problems.length;
  const first = [...problems].sort((a, b) => a.offset - b.offset)[0];
  const where = first ? ` Line ${document.positionAt(first.offset).line + 1}: ${first.message}` : '';
  const more = n > 1 ? ` (and ${n - 1} more)` : '';
  // Schema problems are the ones VS Code shows in yellow: say that they block too.
  const warned = problems.some((p) => p.source === 'model')
    ? ', the yellow schema warnings included; they are now marked as errors'
    : '';
  const message = `${baseName(document.fileName)} was not ${words.notDone}: ${n} problem${n === 1 ? '' : 's'} ${words.because}${warned}.${where}${more}`;
  void vscode.window
    .showErrorMessage(message, 'Show Problems')
    .then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
  return { problems: n, message };
}
