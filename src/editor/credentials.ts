import * as vscode from 'vscode';
import type { Credentials } from '../http/redact';

export type { Credentials };

const KEY = 'idenfy.apiKey';
const SECRET = 'idenfy.apiSecret';

/** API key and secret, kept only in VS Code's SecretStorage (the OS keychain where there is one). */
export class CredentialStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    // Fires for changes from this window and from other windows: no reload needed.
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === KEY || e.key === SECRET) this.changed.fire();
    });
  }

  async get(): Promise<Credentials | undefined> {
    const [apiKey, apiSecret] = await Promise.all([this.secrets.get(KEY), this.secrets.get(SECRET)]);
    return apiKey && apiSecret ? { apiKey, apiSecret } : undefined;
  }

  async set(credentials: Credentials): Promise<void> {
    await this.secrets.store(KEY, credentials.apiKey);
    await this.secrets.store(SECRET, credentials.apiSecret);
  }

  async clear(): Promise<void> {
    await this.secrets.delete(KEY);
    await this.secrets.delete(SECRET);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Asks for both values; a cancelled or empty box leaves everything as it was and returns undefined. */
export async function askForCredentials(store: CredentialStore): Promise<Credentials | undefined> {
  const apiKey = await vscode.window.showInputBox({
    title: 'iDenfy API Credentials (1/2)',
    prompt: 'API key (the basic-auth user name for ivs.idenfy.com)',
    placeHolder: 'API key',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'Enter the API key, or press Escape to cancel.'),
  });
  if (apiKey === undefined) return undefined;
  const apiSecret = await vscode.window.showInputBox({
    title: 'iDenfy API Credentials (2/2)',
    prompt: 'API secret. It is stored in VS Code secret storage only, never in settings or files.',
    placeHolder: 'API secret',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'Enter the API secret, or press Escape to cancel.'),
  });
  if (apiSecret === undefined) return undefined;
  const credentials = { apiKey: apiKey.trim(), apiSecret: apiSecret.trim() };
  await store.set(credentials);
  return credentials;
}
