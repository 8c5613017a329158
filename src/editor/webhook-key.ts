import * as vscode from 'vscode';

/** The SecretStorage key of the webhook signing key of the iDenfy credentials (today the only set). */
const KEY = 'idenfy.webhookSigningKey';

/**
 * The integrator's webhook signing key (set per webhook in iDenfy's dashboard), kept only in VS Code's
 * SecretStorage. Every read and write of it goes through this class: when credential profiles arrive,
 * the key becomes one per profile here and nowhere else.
 */
export class WebhookKeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    // Fires for changes from this window and from other windows.
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === KEY) this.changed.fire();
    });
  }

  async get(): Promise<string | undefined> {
    return (await this.secrets.get(KEY)) || undefined;
  }

  async set(signingKey: string): Promise<void> {
    await this.secrets.store(KEY, signingKey);
  }

  async clear(): Promise<void> {
    await this.secrets.delete(KEY);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** A password box; a cancelled or empty box leaves the stored key as it was and returns undefined. */
export async function askForWebhookKey(store: WebhookKeyStore): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: 'iDenfy Webhook Signing Key',
    prompt:
      "The webhook's signing key from iDenfy's dashboard (Settings → Webhooks). Send Webhook signs with it. It is kept in VS Code secret storage only, never in settings or files.",
    placeHolder: 'Signing key',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'Enter the signing key, or press Escape to cancel.'),
  });
  const key = value?.trim();
  if (!key) return undefined;
  await store.set(key);
  return key;
}
