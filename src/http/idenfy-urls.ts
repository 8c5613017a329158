/**
 * The one place that turns the configured base URL into the URL of an iDenfy endpoint. Every URL
 * the extension requests or opens is built here, with the URL API on a copy of the checked base, and
 * its origin is compared with the base's: a base whose path reads as a host (`//evil.example`) or
 * climbs out of itself can never move a request, or the credentials it carries, to another server.
 */
import { checkBaseUrl } from './base-url';

/** iDenfy's paths, relative to the base URL (which may carry a gateway prefix such as /idenfy). */
export const IDENFY_PATHS = {
  token: '/api/v2/token',
  redirect: '/api/v2/redirect',
  status: '/api/v2/status',
  full: '/api/v2/full',
  delete: '/api/v2/delete',
  generatePdf: '/api/v2/generate-pdf',
  identifications: '/kyc/identifications/',
} as const;

export type IdenfyEndpoint = keyof typeof IDENFY_PATHS;

type IdenfyUrl = { ok: true; url: URL } | { ok: false; message: string };

export function idenfyUrl(
  baseUrl: string,
  endpoint: IdenfyEndpoint,
  query?: Record<string, string>,
): IdenfyUrl {
  const checked = checkBaseUrl(baseUrl);
  if (!checked.ok) return checked;
  const base = checked.url;
  const url = new URL(base.href);
  // Setting pathname never re-parses the authority, whatever the path holds (`//`, `..`, `%2f`, `\`).
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${IDENFY_PATHS[endpoint]}`;
  url.search = query ? new URLSearchParams(query).toString() : '';
  if (url.origin !== base.origin || url.username !== '' || url.password !== '') {
    return {
      ok: false,
      message: `The iDenfy base URL ${base.origin} would send the request to another server (${url.origin}): set it to https://ivs.idenfy.com in Settings.`,
    };
  }
  return { ok: true, url };
}
