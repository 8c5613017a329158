import * as vscode from 'vscode';
import type { ProfileStore } from './profiles';

/**
 * The integrator's webhook signing key (set per webhook in iDenfy's dashboard): one per credential
 * profile, kept by ProfileStore in SecretStorage. Set / Clear Webhook Signing Key and Send Webhook act on
 * the active profile's; this is that view of it, as CredentialStore is for the API key and secret.
 */
export class WebhookKeyStore implements vscode.Disposable {
  readonly onDidChange: vscode.Event<void>;

  constructor(private readonly profiles: ProfileStore) {
    this.onDidChange = profiles.onDidChange;
  }

  async get(): Promise<string | undefined> {
    await this.profiles.ready;
    const active = this.profiles.active();
    return active && this.profiles.webhookSigningKey(active.id);
  }

  /** Stores the key of `profileId`, or of the active profile. */
  async set(signingKey: string, profileId?: string): Promise<void> {
    await this.profiles.ready;
    const id = profileId ?? this.profiles.active()?.id;
    if (!id)
      throw new Error(
        'No profile is active, so the signing key has nowhere to go: add one with iDenfy: Add Profile or choose one with iDenfy: Switch Profile.',
      );
    await this.profiles.setWebhookSigningKey(id, signingKey);
  }

  async clear(): Promise<void> {
    await this.profiles.ready;
    const active = this.profiles.active();
    if (active) await this.profiles.setWebhookSigningKey(active.id, undefined);
  }

  dispose(): void {}
}

/**
 * A password box for the active profile's key, or for `profile`'s; a cancelled or empty box leaves the
 * stored key as it was and returns undefined.
 */
export async function askForWebhookKey(
  store: WebhookKeyStore,
  profile?: { id: string; name: string },
): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: profile ? `iDenfy Webhook Signing Key of "${profile.name}"` : 'iDenfy Webhook Signing Key',
    prompt:
      "The webhook's signing key from iDenfy's dashboard (Settings → Webhooks). Send Webhook signs with it. It is kept in VS Code secret storage only, never in settings or files.",
    placeHolder: 'Signing key',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'Enter the signing key, or press Escape to cancel.'),
  });
  const key = value?.trim();
  if (!key) return undefined;
  await store.set(key, profile?.id);
  return key;
}
