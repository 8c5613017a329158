/**
 * The pure side of credential profiles (src/profiles/): the setting's list read back from a file the
 * user may have edited, the naming rules, the secret key names, and the one-time migration of the
 * single stored pair into "default", including two windows running it at once in every order
 * fast-check's scheduler can produce.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { startEmulator } from '../../src/emulator/server';
import { type HistoryEntry, historyEntrySchema } from '../../src/history/entry';
import { liveConfirmation } from '../../src/profiles/live-confirmation';
import {
  LEGACY_KEYS,
  type MigrationPorts,
  migrateLegacyCredentials,
  migrationDecision,
} from '../../src/profiles/migration';
import {
  nameProblem,
  newProfileId,
  type Profile,
  parseProfiles,
  profileIdOfSecretKey,
  secretKeys,
  serializeProfiles,
} from '../../src/profiles/profile-list';
import { sendRequest } from '../../src/session/send';

const dev: Profile = { id: 'p-dev', name: 'dev', baseUrl: 'https://ivs.idenfy.com', live: false };
const prod: Profile = { id: 'p-prod', name: 'production', baseUrl: 'https://ivs.idenfy.com', live: true };

describe('parseProfiles', () => {
  it('reads a well-formed list back as written', () => {
    const { profiles, problems } = parseProfiles(serializeProfiles([dev, prod]));
    assert.deepEqual(profiles, [dev, prod]);
    assert.deepEqual(problems, []);
  });

  it('never setting means no profiles and no problems', () => {
    assert.deepEqual(parseProfiles(undefined), { profiles: [], problems: [] });
  });

  it('leaves damaged entries out with a reason instead of guessing', () => {
    const { profiles, problems } = parseProfiles([
      dev,
      { ...prod, id: 'p-dev' },
      { ...prod, name: 'DEV', id: 'p-2' },
      { ...prod, id: 'p-3', name: 'p3', baseUrl: '  ' },
      { ...prod, id: 'p-4', live: 'yes' },
      { ...prod, id: 'Bad Id' },
      'production',
      { ...prod, id: 'p-5', name: ' production ', baseUrl: 'https://ivs.idenfy.com///' },
    ]);
    assert.deepEqual(profiles, [dev, { ...prod, id: 'p-5' }]);
    assert.equal(problems.length, 6, problems.join('\n'));
    assert.match(problems[0] ?? '', /repeats the id/);
    assert.match(problems[1] ?? '', /named "dev" exists already/);
    assert.match(problems[2] ?? '', /has no baseUrl/);
    assert.match(problems[3] ?? '', /live must be true or false/);
  });

  it('a missing live mark reads as not live; anything that is not a list is ignored', () => {
    const { live: _live, ...unmarked } = prod;
    assert.equal(parseProfiles([unmarked]).profiles[0]?.live, false);
    assert.equal(parseProfiles({ dev }).profiles.length, 0);
    assert.equal(parseProfiles({ dev }).problems.length, 1);
  });
});

describe('profile names', () => {
  it('refuses empty, too long, control characters, the emulator and a taken name (case-insensitive)', () => {
    assert.match(nameProblem('  ', [dev]) ?? '', /Enter a name/);
    assert.match(nameProblem('x'.repeat(41), [dev]) ?? '', /at most 40/);
    assert.match(nameProblem('a\nb', [dev]) ?? '', /control characters/);
    assert.match(nameProblem('Local Emulator', [dev]) ?? '', /local emulator/);
    assert.match(nameProblem(' DEV ', [dev]) ?? '', /exists already/);
    assert.equal(nameProblem('staging', [dev]), undefined);
  });

  it('renaming a profile to its own name in another case is allowed', () => {
    assert.equal(nameProblem('Dev', [dev], dev.id), undefined);
  });
});

describe('secret keys', () => {
  it('are keyed by the stable id, so a rename moves nothing, and route back to the id', () => {
    const id = newProfileId();
    const keys = secretKeys(id);
    assert.deepEqual(keys, {
      apiKey: `idenfy.profile.${id}.apiKey`,
      apiSecret: `idenfy.profile.${id}.apiSecret`,
      webhookSigningKey: `idenfy.profile.${id}.webhookSigningKey`,
    });
    for (const key of Object.values(keys)) assert.equal(profileIdOfSecretKey(key), id);
    assert.equal(profileIdOfSecretKey('idenfy.apiKey'), undefined);
    // A generated id is one the parser accepts.
    assert.equal(parseProfiles([{ ...dev, id }]).profiles.length, 1);
  });
});

/** One user's storage shared by the windows: SecretStorage and the user settings file. */
class SharedStore {
  secrets = new Map<string, string>();
  setting: unknown;
  settingWrites = 0;

  ports(wrap: <T>(step: () => T) => Promise<T> = async (step) => step()): MigrationPorts {
    return {
      readSetting: () => structuredClone(this.setting),
      writeSetting: (profiles) =>
        wrap(() => {
          this.settingWrites++;
          this.setting = structuredClone(profiles);
        }),
      getSecret: (key) => wrap(() => this.secrets.get(key)),
      storeSecret: (key, value) =>
        wrap(() => {
          this.secrets.set(key, value);
        }),
      deleteSecret: (key) =>
        wrap(() => {
          this.secrets.delete(key);
        }),
    };
  }
}

const BASE = 'https://ivs.idenfy.com';

function legacyStore(webhook = true): SharedStore {
  const store = new SharedStore();
  store.secrets.set(LEGACY_KEYS.apiKey, 'old-key');
  store.secrets.set(LEGACY_KEYS.apiSecret, 'old-secret');
  if (webhook) store.secrets.set(LEGACY_KEYS.webhookSigningKey, 'old-signing-key');
  return store;
}

function assertMigrated(store: SharedStore): void {
  assert.deepEqual(store.setting, [{ id: 'default', name: 'default', baseUrl: BASE, live: false }]);
  assert.deepEqual(Object.fromEntries(store.secrets), {
    'idenfy.profile.default.apiKey': 'old-key',
    'idenfy.profile.default.apiSecret': 'old-secret',
    'idenfy.profile.default.webhookSigningKey': 'old-signing-key',
  });
}

describe('migration of the single stored pair', () => {
  it('moves key, secret and signing key into "default" with the current base URL, once', async () => {
    const store = legacyStore();
    const made = await migrateLegacyCredentials(store.ports(), BASE);
    assert.equal(made?.name, 'default');
    assertMigrated(store);
    // Second start: the list exists, nothing happens (even if an old pair were stored again).
    store.secrets.set(LEGACY_KEYS.apiKey, 'k2');
    store.secrets.set(LEGACY_KEYS.apiSecret, 's2');
    assert.equal(await migrateLegacyCredentials(store.ports(), BASE), undefined);
    assert.equal(store.settingWrites, 1);
    assert.equal(store.secrets.get('idenfy.profile.default.apiKey'), 'old-key');
  });

  it('a user who removed every profile ([]) never gets "default" back', () => {
    assert.deepEqual(migrationDecision([], { apiKey: 'k', apiSecret: 's' }, BASE), {
      migrate: false,
      reason: 'profilesExist',
    });
  });

  it('nothing stored, or half a pair, migrates nothing and writes nothing', async () => {
    const empty = new SharedStore();
    assert.equal(await migrateLegacyCredentials(empty.ports(), BASE), undefined);
    assert.equal(empty.setting, undefined);
    const half = new SharedStore();
    half.secrets.set(LEGACY_KEYS.apiKey, 'only-key');
    assert.equal(await migrateLegacyCredentials(half.ports(), BASE), undefined);
    assert.equal(half.secrets.get(LEGACY_KEYS.apiKey), 'only-key', 'the half pair stays where it was');
  });

  it('without a signing key the profile has none', async () => {
    const store = legacyStore(false);
    await migrateLegacyCredentials(store.ports(), BASE);
    assert.equal(store.secrets.get('idenfy.profile.default.webhookSigningKey'), undefined);
    assert.equal(store.secrets.size, 2);
  });

  it('two windows starting together, in any interleaving: one "default", the pair in it, old keys gone', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const store = legacyStore();
        const wrap = <T>(step: () => T) => s.schedule(Promise.resolve()).then(step);
        const windows = [
          migrateLegacyCredentials(store.ports(wrap), BASE),
          migrateLegacyCredentials(store.ports(wrap), BASE),
        ];
        await s.waitFor(Promise.all(windows));
        const made = await Promise.all(windows);
        assert.ok(
          made.some((p) => p?.id === 'default'),
          'at least one window migrated',
        );
        assertMigrated(store);
      }),
      { numRuns: 200 },
    );
  });

  it('a window stopped half-way leaves the old pair, and the next start finishes', async () => {
    const store = legacyStore();
    const ports = store.ports();
    await assert.rejects(
      migrateLegacyCredentials(
        {
          ...ports,
          writeSetting: async () => {
            throw new Error('window closed');
          },
        },
        BASE,
      ),
    );
    assert.equal(store.secrets.get(LEGACY_KEYS.apiSecret), 'old-secret');
    await migrateLegacyCredentials(ports, BASE);
    assertMigrated(store);
  });
});

describe('the live-send modal', () => {
  it('Create Session: names the profile, the clientId, the file and that it is billable', () => {
    const q = liveConfirmation({
      action: 'create',
      profile: 'production',
      clientId: 'user-42',
      host: 'ivs.idenfy.com',
      fileName: 'good.idenfy.json',
    });
    assert.match(q.message, /billable/);
    assert.match(q.message, /clientId "user-42"/);
    assert.match(q.message, /LIVE profile "production"/);
    assert.match(q.detail, /good\.idenfy\.json is sent to ivs\.idenfy\.com/);
    assert.equal(q.button, 'Create Billable Session');
  });

  it('Delete Personal Data: names the profile, the clientId and that it is irreversible', () => {
    const q = liveConfirmation({
      action: 'delete',
      profile: 'production',
      clientId: '',
      host: 'ivs.idenfy.com',
      scanRef: 'scan-1',
    });
    assert.match(q.message, /^Irreversibly delete/);
    assert.match(q.message, /clientId "\(no clientId\)"/);
    assert.match(q.message, /LIVE profile "production"/);
    assert.match(q.detail, /scan-1 on ivs\.idenfy\.com/);
    assert.match(q.detail, /cannot be restored/);
  });
});

describe('history entries record the profile', () => {
  it('a session sent with a profile is saved with its name and id, never its secrets', async () => {
    const emulator = await startEmulator();
    try {
      const saved: HistoryEntry[] = [];
      const outcome = await sendRequest({
        body: '{"clientId":"user-7"}',
        target: {
          kind: 'idenfy',
          baseUrl: emulator.url,
          apiKey: emulator.apiKey,
          apiSecret: emulator.apiSecret,
          profile: { id: 'p-prod', name: 'production', live: true },
        },
        history: {
          record: async (entry) => {
            saved.push(entry);
            return entry;
          },
        },
        timeoutMs: 5_000,
        log: () => {},
      });
      assert.ok(outcome.ok);
      assert.equal(emulator.requests, 1);
      const entry = saved[0];
      assert.ok(entry);
      assert.deepEqual([entry.profile, entry.profileId], ['production', 'p-prod']);
      // The live mark is the profile's, not the session's: only the name and id are kept.
      assert.ok(!('live' in entry));
      const text = JSON.stringify(entry);
      assert.ok(!text.includes(emulator.apiSecret) && !text.includes(emulator.apiKey));
      // Read back from storage, the two fields survive; an entry from before profiles has neither.
      const reread = historyEntrySchema.parse(JSON.parse(text));
      assert.deepEqual([reread.profile, reread.profileId], ['production', 'p-prod']);
      const { profile: _p, profileId: _i, ...older } = reread;
      assert.equal(historyEntrySchema.parse(older).profileId, undefined);
    } finally {
      await emulator.close();
    }
  });
});
