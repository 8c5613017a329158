import * as vscode from 'vscode';

/** How long the status bar confirms a copy. */
const CONFIRMATION_MS = 4000;

/**
 * Copies `text` and confirms it in the status bar, naming what was copied but never the value
 * (an authToken is a credential for the verification page).
 */
export async function copyWithConfirmation(what: string, text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) iDenfy: ${what} copied to the clipboard`, CONFIRMATION_MS);
}
