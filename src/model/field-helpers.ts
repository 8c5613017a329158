/**
 * The builders every request property is made with: documented() records where a field comes from
 * and renders its hover text; the small builders give each kind of value one failure message,
 * shared by zod and the editor.
 */
import * as z from 'zod';
import { COUNTRIES } from './countries.generated';
import { COUNTRY_PATTERN, FORBIDDEN_NAME_CHARACTERS, NAME_PATTERN, WEB_URL_PATTERN } from './patterns';
import type { Term } from './vocabulary';

/** Where a property comes from; shown in hovers and counted by the tests. */
export type FieldOrigin = 'page' | 'custom-setting' | 'openapi' | 'dev-testing';

export interface FieldDoc {
  origin: FieldOrigin;
  /** Plain sentence, used where markdown is not rendered. */
  description: string;
  /** Documented constraints, in markdown, one per line. */
  constraints?: readonly string[];
  /** Default as documented (rendered in the hover even where zod applies no default). */
  documentedDefault?: string;
  /** Where another iDenfy source says otherwise. */
  note?: string;
  examples?: readonly unknown[];
  /**
   * What iDenfy's answer holds for the field when the request leaves it out, for fields without a
   * zod default (the page: "the response ... returns default values for fields that were optional
   * and not specified"). Read by the emulator through responseDefaults(); null when not given.
   */
  responseDefault?: unknown;
}

const ORIGIN_LABEL: Record<FieldOrigin, string> = {
  page: '',
  'custom-setting':
    "_Custom setting: must be enabled in your iDenfy environment's configuration; the default depends on it._",
  openapi: "_From iDenfy's current OpenAPI model (not on the Create verification session page)._",
  'dev-testing':
    "_For testing: from iDenfy's notes on testing without real verifications (not on the Create verification session page)._",
};

export const FIELD_ORIGINS = new Map<string, FieldOrigin>();
export const RESPONSE_DEFAULTS = new Map<string, unknown>();

/** Each constraint is shown as a list item; a full stop keeps it from reading like a cut sentence. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function documented<T extends z.ZodType>(name: string, schema: T, doc: FieldDoc): T {
  FIELD_ORIGINS.set(name, doc.origin);
  if (doc.responseDefault !== undefined) RESPONSE_DEFAULTS.set(name, doc.responseDefault);
  const parts = [doc.description];
  if (doc.constraints?.length) parts.push(doc.constraints.map((c) => `- ${sentence(c)}`).join('\n'));
  if (doc.documentedDefault !== undefined) parts.push(`Default: ${sentence(doc.documentedDefault)}`);
  if (doc.note) parts.push(`Note: ${doc.note}`);
  if (ORIGIN_LABEL[doc.origin]) parts.push(ORIGIN_LABEL[doc.origin]);
  return schema.meta({
    description: doc.description,
    markdownDescription: parts.join('\n\n'),
    ...(doc.examples ? { examples: [...doc.examples] } : {}),
  });
}

/** A string pattern whose failure message is the same in zod and in the editor. */
export function matching(pattern: RegExp, message: string) {
  // patternErrorMessage: the editor would otherwise show the regular expression itself.
  return z.string().regex(pattern, { error: message }).meta({ patternErrorMessage: message });
}

export function described<V extends string>(terms: readonly Term<V>[], values: [V, ...V[]], what: string) {
  return z.enum(values, { error: `Use one of the ${what} values offered by completion.` }).meta({
    enumDescriptions: terms.map((t) => t.description),
    markdownEnumDescriptions: terms.map((t) => t.description),
  });
}

const NAME_MESSAGE = `Names may not contain digits or any of ${FORBIDDEN_NAME_CHARACTERS}`;
export const name = () =>
  matching(NAME_PATTERN, NAME_MESSAGE).min(1).max(100).meta({ patternErrorMessage: NAME_MESSAGE });

const URL_MESSAGE =
  'Use a full http:// or https:// address, such as https://www.my-company.com/idenfy/success.';
export const webUrl = () =>
  matching(WEB_URL_PATTERN, URL_MESSAGE).min(5).max(2048).meta({ patternErrorMessage: URL_MESSAGE });

export const HTTPS_MESSAGE =
  'The callback URL must be an https:// address (iDenfy does not call plain http webhooks).';

const DATE_MESSAGE = 'Use a real calendar date in YYYY-MM-DD form, such as 1990-12-20.';
export const date = () =>
  z.iso.date({ error: DATE_MESSAGE }).meta({ patternErrorMessage: DATE_MESSAGE, errorMessage: DATE_MESSAGE });

const COUNTRY_MESSAGE = 'Use an ISO 3166-1 alpha-2 country code, such as "LT" or "lt".';
const countrySnippets = COUNTRIES.map(([code, countryName]) => ({
  label: code,
  description: countryName,
  body: code,
}));
// One instance with an id: the schema holds the 250 codes once, under definitions, and refers to it.
const countryCodeSchema = matching(COUNTRY_PATTERN, COUNTRY_MESSAGE).meta({
  id: 'countryCode',
  patternErrorMessage: COUNTRY_MESSAGE,
  defaultSnippets: countrySnippets,
});
export const countryCode = () => countryCodeSchema;

const UUID_MESSAGE = 'Use the UUID shown for it in the iDenfy dashboard.';
export const uuid = () => z.uuid({ error: UUID_MESSAGE }).meta({ patternErrorMessage: UUID_MESSAGE });

// Off unless asked for: the answer shows false for a flag the request leaves out (the real default
// depends on the environment's configuration; the emulator's environment has none switched on).
export const flag = (
  fieldName: string,
  description: string,
  origin: FieldOrigin = 'custom-setting',
  on = false,
) => documented(fieldName, z.boolean().optional(), { origin, description, responseDefault: on });
