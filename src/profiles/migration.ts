/**
 * The one-time move of the single credential pair stored before profiles existed (`idenfy.apiKey`,
 * `idenfy.apiSecret`, and `idenfy.webhookSigningKey` if present) into a profile named "default" with
 * the user's `idenfy.apiBaseUrl`. Pure: the storage is passed in, so the unit tests run it against
 * shared in-memory stores with every interleaving two windows starting together can produce.
 *
 * Why it is safe without a lock: it runs only while the `idenfy.profiles` setting has never been
 * written (a user who removed every profile has `[]`, not nothing, so it never comes back), and every
 * window that runs it writes the same thing: the fixed id `default`, the same secret values, the same
 * list. Secrets are stored before the list names the profile, and the old keys are deleted last, so a
 * window stopped half-way leaves the old pair in place and the next start finishes the job.
 */
import { type Profile, secretKeys } from './profile-list';

export const LEGACY_KEYS = {
  apiKey: 'idenfy.apiKey',
  apiSecret: 'idenfy.apiSecret',
  webhookSigningKey: 'idenfy.webhookSigningKey',
} as const;

export const MIGRATED_ID = 'default';
export const MIGRATED_NAME = 'default';

export interface LegacySecrets {
  apiKey?: string;
  apiSecret?: string;
  webhookSigningKey?: string;
}

export type MigrationDecision =
  | { migrate: false; reason: 'profilesExist' | 'nothingStored' }
  | {
      migrate: true;
      profile: Profile;
      secrets: Required<Pick<LegacySecrets, 'apiKey' | 'apiSecret'>> & LegacySecrets;
    };

/**
 * `setting`: the user-level value of `idenfy.profiles` (undefined when never written). A half pair
 * (a key without a secret) is not a credential: nothing is moved, and the old keys stay.
 */
export function migrationDecision(
  setting: unknown,
  legacy: LegacySecrets,
  apiBaseUrl: string,
): MigrationDecision {
  if (setting !== undefined) return { migrate: false, reason: 'profilesExist' };
  if (!legacy.apiKey || !legacy.apiSecret) return { migrate: false, reason: 'nothingStored' };
  return {
    migrate: true,
    profile: { id: MIGRATED_ID, name: MIGRATED_NAME, baseUrl: apiBaseUrl, live: false },
    secrets: {
      apiKey: legacy.apiKey,
      apiSecret: legacy.apiSecret,
      ...(legacy.webhookSigningKey ? { webhookSigningKey: legacy.webhookSigningKey } : {}),
    },
  };
}

/** What the migration needs of the editor: SecretStorage and the user-level setting. */
export interface MigrationPorts {
  readSetting(): unknown;
  writeSetting(profiles: Profile[]): Promise<void>;
  getSecret(key: string): Promise<string | undefined>;
  storeSecret(key: string, value: string): Promise<void>;
  deleteSecret(key: string): Promise<void>;
}

/** Runs the migration if it is due; returns the profile it made (the same one in every window). */
export async function migrateLegacyCredentials(
  ports: MigrationPorts,
  apiBaseUrl: string,
): Promise<Profile | undefined> {
  if (ports.readSetting() !== undefined) return undefined;
  const [apiKey, apiSecret, webhookSigningKey] = await Promise.all([
    ports.getSecret(LEGACY_KEYS.apiKey),
    ports.getSecret(LEGACY_KEYS.apiSecret),
    ports.getSecret(LEGACY_KEYS.webhookSigningKey),
  ]);
  // Read again after the awaits: another window may have finished meanwhile.
  const decision = migrationDecision(
    ports.readSetting(),
    { apiKey, apiSecret, webhookSigningKey },
    apiBaseUrl,
  );
  if (!decision.migrate) return undefined;
  const keys = secretKeys(decision.profile.id);
  await ports.storeSecret(keys.apiKey, decision.secrets.apiKey);
  await ports.storeSecret(keys.apiSecret, decision.secrets.apiSecret);
  if (decision.secrets.webhookSigningKey)
    await ports.storeSecret(keys.webhookSigningKey, decision.secrets.webhookSigningKey);
  // Another window may have written the list meanwhile (the same one, or the user added a profile
  // there): never overwrite a written list; "default" is then either in it or was already handled.
  if (ports.readSetting() === undefined) await ports.writeSetting([decision.profile]);
  // The old keys go once the profile holds the pair, so Clear API Credentials clears the only copy.
  await ports.deleteSecret(LEGACY_KEYS.apiKey);
  await ports.deleteSecret(LEGACY_KEYS.apiSecret);
  await ports.deleteSecret(LEGACY_KEYS.webhookSigningKey);
  return decision.profile;
}
