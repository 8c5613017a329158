/**
 * Where a webhook may be sent: the same policy as the API's base URL (src/http/base-url.ts). A
 * signed payload carries the client's personal data, so it travels over TLS, or as plain http only
 * to loopback, where it crosses no network (the local handler an integrator is writing).
 */
import { isLoopbackHost } from '../http/base-url';

export type WebhookTargetCheck = { ok: true; url: URL } | { ok: false; message: string };

/** Pure: whether a webhook may be POSTed to `raw`, with the reason when not (before any socket opens). */
export function checkWebhookTarget(raw: string): WebhookTargetCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'No webhook URL was given.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message: `"${text.slice(0, 200)}" is not a valid URL: give the full address of your webhook handler, e.g. http://127.0.0.1:3000/idenfy/webhook.`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    // Not echoed back: the user name or password could be a credential, and the URL is recorded.
    return {
      ok: false,
      message:
        'The webhook URL must not contain a user name or password: it is recorded with each delivery. Check the signature in your handler instead.',
    };
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname)) return { ok: true, url };
    return {
      ok: false,
      message: `The webhook URL ${url.origin} uses plain http, which would send personal data unencrypted: use https:// (plain http is only allowed for localhost, 127.0.0.1 and [::1]).`,
    };
  }
  return {
    ok: false,
    message: `The webhook URL must start with https:// or, for a handler on this machine, http://127.0.0.1 (got ${url.protocol}).`,
  };
}
