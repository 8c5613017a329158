/**
 * Credential profiles in the editor. This class is the only code that reads or writes a profile's
 * secrets in SecretStorage. Names, base URLs and the live mark are in the `idenfy.profiles` setting,
 * read from the user's own settings only (application scope; the workspace value is never looked at),
 * so a cloned repository can neither define a profile nor unmark one as live. Which profile is active
 * is kept in globalState, not in a setting, so no settings file can switch it.
 */
import * as vscode from 'vscode';
import type { Credentials } from '../http/redact';
import { migrateLegacyCredentials } from '../profiles/migration';
import {
  newProfileId,
  type Profile,
  parseProfiles,
  profileIdOfSecretKey,
  secretKeys,
  serializeProfiles,
} from '../profiles/profile-list';
import type { Log } from './log';
import { apiBaseUrl } from './settings';

export type { Profile };

const SETTING = 'profiles';
const ACTIVE_KEY = 'idenfy.activeProfile';

export interface NewProfile {
  name: string;
  baseUrl: string;
  live: boolean;
  apiKey: string;
  apiSecret: string;
  webhookSigningKey?: string;
}

export class ProfileStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The list, the active profile or a profile's secrets changed (in this window or another). */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Settles when the one-time migration has run (or failed): every secret access waits for it. */
  ready: Promise<void>;
  private reported = '';

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly log: Log,
  ) {
    this.subscriptions.push(
      secrets.onDidChange((e) => {
        if (profileIdOfSecretKey(e.key) !== undefined) this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`idenfy.${SETTING}`)) this.changed.fire();
      }),
    );
    this.ready = this.migrate();
  }

  /** Runs the migration again (it does nothing once the list exists): for the integration tests. */
  runMigration(): Promise<void> {
    this.ready = this.migrate();
    return this.ready;
  }

  private async migrate(): Promise<void> {
    try {
      const made = await migrateLegacyCredentials(
        {
          readSetting: () => this.userValue(),
          writeSetting: async (profiles) => {
            await this.write(profiles);
          },
          getSecret: (key) => Promise.resolve(this.secrets.get(key)),
          storeSecret: (key, value) => Promise.resolve(this.secrets.store(key, value)),
          deleteSecret: (key) => Promise.resolve(this.secrets.delete(key)),
        },
        apiBaseUrl(),
      );
      if (made) {
        if (this.activeId() === undefined) await this.state.update(ACTIVE_KEY, made.id);
        this.log.info(`Your stored API credentials are now the profile "${made.name}" (${made.baseUrl}).`);
        this.changed.fire();
      }
    } catch (err) {
      this.log.error(`Could not move the stored API credentials into a profile: ${String(err)}`);
    }
  }

  /** The user's own value: the workspace's is never read (the setting is application-scoped too). */
  private userValue(): unknown {
    return vscode.workspace.getConfiguration('idenfy').inspect<unknown>(SETTING)?.globalValue;
  }

  private write(profiles: readonly Profile[]): Thenable<void> {
    return vscode.workspace
      .getConfiguration('idenfy')
      .update(SETTING, serializeProfiles(profiles), vscode.ConfigurationTarget.Global);
  }

  list(): Profile[] {
    const { profiles, problems } = parseProfiles(this.userValue());
    // Said once per distinct set of problems, not on every read.
    const text = problems.join('\n');
    if (text !== this.reported) {
      this.reported = text;
      for (const p of problems) this.log.warn(p);
    }
    return profiles;
  }

  byId(id: string): Profile | undefined {
    return this.list().find((p) => p.id === id);
  }

  private activeId(): string | undefined {
    return this.state.get<string>(ACTIVE_KEY);
  }

  /** The profile Create Session uses when the emulator is not running; undefined when none is chosen. */
  active(): Profile | undefined {
    const id = this.activeId();
    return id === undefined ? undefined : this.byId(id);
  }

  async activate(id: string): Promise<void> {
    if (!this.byId(id)) throw new Error(`There is no profile with id ${id}.`);
    await this.state.update(ACTIVE_KEY, id);
    this.changed.fire();
  }

  async credentials(id: string): Promise<Credentials | undefined> {
    await this.ready;
    const keys = secretKeys(id);
    const [apiKey, apiSecret] = await Promise.all([
      this.secrets.get(keys.apiKey),
      this.secrets.get(keys.apiSecret),
    ]);
    return apiKey && apiSecret ? { apiKey, apiSecret } : undefined;
  }

  async setCredentials(id: string, credentials: Credentials): Promise<void> {
    await this.ready;
    const keys = secretKeys(id);
    await this.secrets.store(keys.apiKey, credentials.apiKey);
    await this.secrets.store(keys.apiSecret, credentials.apiSecret);
  }

  async clearCredentials(id: string): Promise<void> {
    await this.ready;
    const keys = secretKeys(id);
    await this.secrets.delete(keys.apiKey);
    await this.secrets.delete(keys.apiSecret);
  }

  async webhookSigningKey(id: string): Promise<string | undefined> {
    await this.ready;
    return (await this.secrets.get(secretKeys(id).webhookSigningKey)) || undefined;
  }

  async setWebhookSigningKey(id: string, key: string | undefined): Promise<void> {
    await this.ready;
    const name = secretKeys(id).webhookSigningKey;
    if (key) await this.secrets.store(name, key);
    else await this.secrets.delete(name);
  }

  /** Secrets first, then the list: a profile is never listed without its credentials. */
  async add(input: NewProfile): Promise<Profile> {
    await this.ready;
    const id = newProfileId();
    const profile: Profile = { id, name: input.name.trim(), baseUrl: input.baseUrl, live: input.live };
    await this.setCredentials(id, { apiKey: input.apiKey, apiSecret: input.apiSecret });
    await this.setWebhookSigningKey(id, input.webhookSigningKey);
    await this.write([...this.list(), profile]);
    return profile;
  }

  async rename(id: string, name: string): Promise<void> {
    await this.write(this.list().map((p) => (p.id === id ? { ...p, name: name.trim() } : p)));
  }

  async setLive(id: string, live: boolean): Promise<void> {
    await this.write(this.list().map((p) => (p.id === id ? { ...p, live } : p)));
  }

  /** The list first, then the secrets: a profile is never listed without them. */
  async remove(id: string): Promise<void> {
    await this.ready;
    await this.write(this.list().filter((p) => p.id !== id));
    const keys = secretKeys(id);
    await Promise.all(Object.values(keys).map((k) => this.secrets.delete(k)));
    if (this.activeId() === id) await this.state.update(ACTIVE_KEY, undefined);
    this.changed.fire();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
