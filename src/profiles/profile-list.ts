/**
 * Credential profiles without VS Code: what the user-scoped `idenfy.profiles` setting holds (names,
 * base URLs, the live mark; never a secret), how it is read back from a file the user may have edited,
 * the naming rules, and the SecretStorage key names of a profile's secrets. Pure: the editor layer
 * (src/editor/profiles.ts) does the reading and writing.
 */
import { checkBaseUrl } from '../http/base-url';

export const DEFAULT_BASE_URL = 'https://ivs.idenfy.com';

/** One profile as the setting stores it. Its secrets live in SecretStorage under secretKeys(id). */
export interface Profile {
  /** Stable and never shown: secrets are keyed by it, so Rename moves no secret. */
  id: string;
  /** What the user sees and history entries record. */
  name: string;
  baseUrl: string;
  /** Create Session and Delete Personal Data ask first in a modal. */
  live: boolean;
}

/** Ids are generated (newProfileId) or the migration's fixed one; anything else in the file is refused. */
const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const MAX_NAME_LENGTH = 40;
/** The status bar and Switch Profile list the emulator next to the profiles under this name. */
export const EMULATOR_NAME = 'Local emulator';

export interface SecretKeys {
  apiKey: string;
  apiSecret: string;
  webhookSigningKey: string;
}

export function secretKeys(id: string): SecretKeys {
  const prefix = `idenfy.profile.${id}`;
  return {
    apiKey: `${prefix}.apiKey`,
    apiSecret: `${prefix}.apiSecret`,
    webhookSigningKey: `${prefix}.webhookSigningKey`,
  };
}

/** The profile id of a SecretStorage key that belongs to a profile, so change events can be routed. */
export function profileIdOfSecretKey(key: string): string | undefined {
  const match = /^idenfy\.profile\.([a-z0-9-]+)\.(apiKey|apiSecret|webhookSigningKey)$/.exec(key);
  return match?.[1];
}

export function newProfileId(): string {
  // The global Web Crypto, not node:crypto: importing that module costs ~10 ms at activation (it loads
  // Node's stream machinery); this runs only when a profile is added.
  return `p-${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/** Why a name cannot be used (empty, too long, control characters, taken, the emulator's), or undefined. */
export function nameProblem(
  raw: string,
  profiles: readonly Profile[],
  exceptId?: string,
): string | undefined {
  const name = raw.trim();
  if (name === '') return 'Enter a name for the profile, e.g. dev or production.';
  if (name.length > MAX_NAME_LENGTH) return `A profile name has at most ${MAX_NAME_LENGTH} characters.`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'A profile name cannot hold control characters.';
  const folded = name.toLowerCase();
  if (folded === EMULATOR_NAME.toLowerCase() || folded === 'emulator')
    return `"${name}" is the name of the local emulator in the profile list; choose another.`;
  const taken = profiles.find((p) => p.id !== exceptId && p.name.toLowerCase() === folded);
  if (taken) return `A profile named "${taken.name}" exists already.`;
  return undefined;
}

/** Why a base URL cannot be a profile's (the same policy every request is checked with), or undefined. */
export function baseUrlProblem(raw: string): string | undefined {
  const checked = checkBaseUrl(raw);
  return checked.ok ? undefined : checked.message;
}

/** Trailing slashes go, so `${baseUrl}/api/v2/token` is right and two spellings are one URL. */
export function normalizeBaseUrl(raw: string): string {
  return raw.trim().replace(/\/+$/, '');
}

export interface ParsedProfiles {
  profiles: Profile[];
  /** One line per entry that was left out, saying why (for the output channel). */
  problems: string[];
}

/**
 * The setting's value as the user's settings file holds it: an array of profiles. Entries that are
 * damaged (hand-edited) are left out with a reason, never guessed at: a wrong base URL or a lost live
 * mark would send somewhere the user did not choose. A second entry with an id or name already seen is
 * left out too, so a name always means one profile.
 */
export function parseProfiles(raw: unknown): ParsedProfiles {
  const profiles: Profile[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { profiles, problems };
  if (!Array.isArray(raw)) return { profiles, problems: ['idenfy.profiles is not a list; it was ignored.'] };
  raw.forEach((item: unknown, index) => {
    const where = `idenfy.profiles[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${where} is not an object; it was left out.`);
      return;
    }
    const { id, name, baseUrl, live } = item as Record<string, unknown>;
    if (typeof id !== 'string' || !ID.test(id)) {
      problems.push(`${where} has no valid id; it was left out.`);
      return;
    }
    if (typeof name !== 'string') {
      problems.push(`${where} has no name; it was left out.`);
      return;
    }
    const badName = nameProblem(name, profiles);
    if (badName) {
      problems.push(`${where}: ${badName} It was left out.`);
      return;
    }
    if (profiles.some((p) => p.id === id)) {
      problems.push(`${where} repeats the id of another profile; it was left out.`);
      return;
    }
    // An unusable URL (plain http to a remote host, say) is kept: every request checks it before any
    // socket opens and says why, which tells the user more than a profile that vanished.
    if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
      problems.push(`${where} ("${name.trim()}") has no baseUrl; it was left out.`);
      return;
    }
    if (live !== undefined && typeof live !== 'boolean') {
      problems.push(`${where} ("${name.trim()}"): live must be true or false; it was left out.`);
      return;
    }
    profiles.push({ id, name: name.trim(), baseUrl: normalizeBaseUrl(baseUrl), live: live === true });
  });
  return { profiles, problems };
}

/** What is written back: the fields of Profile only, in a fixed order. */
export function serializeProfiles(profiles: readonly Profile[]): Profile[] {
  return profiles.map(({ id, name, baseUrl, live }) => ({ id, name, baseUrl, live }));
}

export function findByName(profiles: readonly Profile[], name: string): Profile | undefined {
  const folded = name.trim().toLowerCase();
  return profiles.find((p) => p.name.toLowerCase() === folded);
}
