/**
 * Base URL policy. The basic-auth header carries the API secret, so it may only travel over TLS;
 * plain http is allowed for loopback alone (the offline emulator, local mocks), where nothing
 * crosses the network.
 */

type BaseUrlCheck = { ok: true; url: URL } | { ok: false; message: string };

const FIX = 'set it to https://ivs.idenfy.com in Settings';

/** localhost, 127.0.0.0/8 or [::1]: where plain http crosses no network (the webhook targets use it too). */
export function isLoopbackHost(hostname: string): boolean {
  // WHATWG URL parsing has already normalised IPv4 forms such as 127.1 to 127.0.0.1.
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Pure: decides whether a request may be sent to this base URL, before any socket opens. */
export function checkBaseUrl(raw: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: `The iDenfy base URL is not a valid URL: ${FIX}.` };
  }
  if (url.username !== '' || url.password !== '') {
    // Not echoed back: the user name or password in it could be a credential.
    return {
      ok: false,
      message: `The iDenfy base URL must not contain a user name or password (credentials are sent separately): ${FIX}.`,
    };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, message: `The iDenfy base URL must not have a query or fragment: ${FIX}.` };
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname)) return { ok: true, url };
    return {
      ok: false,
      message: `The iDenfy base URL ${url.origin} uses plain http, which would send the API secret unencrypted; use https:// (plain http is only allowed for localhost and 127.0.0.1).`,
    };
  }
  return {
    ok: false,
    message: `The iDenfy base URL must start with https:// (got ${url.protocol}): ${FIX}.`,
  };
}
