import * as vscode from 'vscode';
import type { Credentials } from '../http/redact';
import { MIGRATED_NAME } from '../profiles/migration';
import type { Profile, ProfileStore } from './profiles';
import { apiBaseUrl } from './settings';

export type { Credentials };

/**
 * The API key and secret of the active profile (Set / Clear API Credentials, Create Session). The
 * secrets themselves are read and written by ProfileStore alone; this is the active-profile view of it.
 */
export class CredentialStore implements vscode.Disposable {
  readonly onDidChange: vscode.Event<void>;

  constructor(readonly profiles: ProfileStore) {
    this.onDidChange = profiles.onDidChange;
  }

  async get(): Promise<Credentials | undefined> {
    await this.profiles.ready;
    const active = this.profiles.active();
    return active && this.profiles.credentials(active.id);
  }

  /**
   * Stores the pair in the active profile. With no profile at all, the first pair makes the profile
   * "default" with the user's idenfy.apiBaseUrl (as the migration would have), and activates it.
   */
  async set(credentials: Credentials): Promise<Profile> {
    await this.profiles.ready;
    const active = this.profiles.active();
    if (active) {
      await this.profiles.setCredentials(active.id, credentials);
      return active;
    }
    if (this.profiles.list().length > 0)
      throw new Error('No profile is active: choose one with iDenfy: Switch Profile first.');
    const profile = await this.profiles.add({
      name: MIGRATED_NAME,
      baseUrl: apiBaseUrl(),
      live: false,
      ...credentials,
    });
    await this.profiles.activate(profile.id);
    return profile;
  }

  async clear(): Promise<Profile | undefined> {
    await this.profiles.ready;
    const active = this.profiles.active();
    if (active) await this.profiles.clearCredentials(active.id);
    return active;
  }

  dispose(): void {}
}

export async function askApiKey(title: string): Promise<string | undefined> {
  const apiKey = await vscode.window.showInputBox({
    title,
    prompt: 'API key (the basic-auth user name for the iDenfy API)',
    placeHolder: 'API key',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'Enter the API key, or press Escape to cancel.'),
  });
  return apiKey?.trim();
}

export async function askApiSecret(title: string): Promise<string | undefined> {
  const apiSecret = await vscode.window.showInputBox({
    title,
    prompt: 'API secret. It is stored in VS Code secret storage only, never in settings or files.',
    placeHolder: 'API secret',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'Enter the API secret, or press Escape to cancel.'),
  });
  return apiSecret?.trim();
}

/**
 * Asks for both values for the active profile; a cancelled or empty box leaves everything as it was
 * and returns undefined.
 */
export async function askForCredentials(
  store: CredentialStore,
): Promise<(Credentials & { profile: Profile }) | undefined> {
  await store.profiles.ready;
  const active = store.profiles.active();
  if (!active && store.profiles.list().length > 0) {
    await vscode.commands.executeCommand('idenfy.switchProfile', { profilesOnly: true });
    if (!store.profiles.active()) return undefined;
  }
  const named = store.profiles.active()?.name;
  const which = named ? ` for profile "${named}"` : '';
  const apiKey = await askApiKey(`iDenfy API Credentials${which} (1/2)`);
  if (apiKey === undefined) return undefined;
  const apiSecret = await askApiSecret(`iDenfy API Credentials${which} (2/2)`);
  if (apiSecret === undefined) return undefined;
  const credentials = { apiKey, apiSecret };
  const profile = await store.set(credentials);
  return { ...credentials, profile };
}
