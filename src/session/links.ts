/** Where to send the client for a created session, per iDenfy's docs. Pure: no vscode import. */

export function verificationPageUrl(baseUrl: string, response: Record<string, unknown>): string {
  if (typeof response.redirectUrl === 'string' && /^https?:\/\//.test(response.redirectUrl)) {
    return response.redirectUrl;
  }
  const token = encodeURIComponent(String(response.authToken ?? ''));
  return `${baseUrl.replace(/\/+$/, '')}/api/v2/redirect?authToken=${token}`;
}

/** The iframe ignores the token's locale: the language goes in `lang`. */
export function iframeSnippet(response: Record<string, unknown>): string {
  const token = encodeURIComponent(String(response.authToken ?? ''));
  const lang = typeof response.locale === 'string' ? `&lang=${encodeURIComponent(response.locale)}` : '';
  return `<iframe allow="camera" allowfullscreen width="100%" height="800" src="https://ui.idenfy.com/?authToken=${token}${lang}"></iframe>`;
}
