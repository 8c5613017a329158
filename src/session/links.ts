/** Where to send the client for a created session, per iDenfy's docs. Pure: no vscode import. */
import { idenfyUrl } from '../http/idenfy-urls';

/**
 * iDenfy's redirectUrl when the answer has one, otherwise the redirect page under the base URL the
 * session was created with, built by the one URL helper. Throws when that base URL is refused.
 */
export function verificationPageUrl(baseUrl: string, response: Record<string, unknown>): string {
  if (typeof response.redirectUrl === 'string' && /^https?:\/\//.test(response.redirectUrl)) {
    return response.redirectUrl;
  }
  const page = idenfyUrl(baseUrl, 'redirect', { authToken: String(response.authToken ?? '') });
  if (!page.ok) throw new Error(page.message);
  return page.url.href;
}

/** The iframe ignores the token's locale: the language goes in `lang`. */
export function iframeSnippet(response: Record<string, unknown>): string {
  const token = encodeURIComponent(String(response.authToken ?? ''));
  const lang = typeof response.locale === 'string' ? `&lang=${encodeURIComponent(response.locale)}` : '';
  return `<iframe allow="camera" allowfullscreen width="100%" height="800" src="https://ui.idenfy.com/?authToken=${token}${lang}"></iframe>`;
}
