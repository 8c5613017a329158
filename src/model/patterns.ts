/**
 * Regular expressions shared by the zod model and the generated JSON Schema. Each check that the
 * editor must show live is a pattern (not a zod refinement), so both engines give the same verdict.
 */
import { COUNTRIES } from './countries.generated';

/** Characters iDenfy refuses in names (the page's list, plus digits). */
export const FORBIDDEN_NAME_CHARACTERS = '~!@#$%^*()_+={}[]|:;",<>/?';

function escapeForClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

export const NAME_PATTERN = new RegExp(`^[^0-9${escapeForClass(FORBIDDEN_NAME_CHARACTERS)}]+$`);

// Host: DNS labels, an IPv4 address or a bracketed IPv6 literal; optional port; then anything
// without whitespace. Stricter than JSON Schema's `format: uri`, which accepts "http://".
const URL_TAIL =
  '(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?(?:[/?#]\\S*)?$';
export const WEB_URL_PATTERN = new RegExp(`^https?://${URL_TAIL}`);
export const HTTPS_URL_PATTERN = new RegExp(`^https://${URL_TAIL}`);

export const COUNTRY_CODES: readonly string[] = COUNTRIES.map(([code]) => code);

/**
 * The codes as alternatives grouped by first letter (`A[DEFG...]|B[...]`), in upper and in lower
 * case: a third of the length of a flat list, which matters because VS Code compiles each schema
 * pattern again on every validation.
 */
function codeAlternatives(codes: readonly string[]): string {
  const byFirst = new Map<string, string>();
  for (const code of codes) byFirst.set(code.charAt(0), (byFirst.get(code.charAt(0)) ?? '') + code.charAt(1));
  const upper = [...byFirst].map(([first, seconds]) => `${first}[${seconds}]`);
  return [...upper, ...upper.map((a) => a.toLowerCase())].join('|');
}

/** An ISO 3166-1 alpha-2 code in upper or lower case ("LT" or "lt", as the page's examples use). */
export const COUNTRY_PATTERN = new RegExp(`^(?:${codeAlternatives(COUNTRY_CODES)})$`);

/** additionalSteps keys: a country code or ALL. */
export const STEP_COUNTRY_PATTERN = new RegExp(`^(?:ALL|${codeAlternatives(COUNTRY_CODES)})$`);

/** Step names are iDenfy identifiers such as UTILITY_BILL. */
export const STEP_NAME_PATTERN = /^[A-Z][A-Z0-9_]*$/;
