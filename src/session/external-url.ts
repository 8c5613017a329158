/**
 * Links that must survive a port-forwarding rewrite. Pure: no vscode import.
 *
 * Behind code-server, VS Code's `asExternalUri` maps `http://127.0.0.1:<port>/...` to
 * `<code-server>/proxy/<port>/` and, in code-server 4.100, drops the path and the query on the way
 * (coder/code-server#7668, #7573): the verification page lost `/api/v2/redirect?authToken=...` and the
 * emulator answered "No endpoint at /.". So only the origin is resolved, as VS Code's docs do for a
 * local web server (`asExternalUri(Uri.parse('http://localhost:' + port))`), and the page's path,
 * query and fragment are put back on the result here. Where the rewrite keeps them (newer code-server,
 * desktop tunnels) the outcome is the same.
 */

/** `scheme://host[:port]/` of `page`: what `asExternalUri` is asked to resolve. */
export function originOf(page: string): string {
  const url = new URL(page);
  return `${url.protocol}//${url.host}/`;
}

/**
 * `page` as reached through `externalOrigin` (what `asExternalUri` returned for `originOf(page)`):
 * the external origin's path is a prefix of the page's path; its query, if any, comes first.
 */
export function throughExternalOrigin(externalOrigin: string, page: string): string {
  const target = new URL(page);
  const out = new URL(externalOrigin);
  out.pathname = out.pathname.replace(/\/+$/, '') + target.pathname;
  out.search = [out.search.slice(1), target.search.slice(1)].filter(Boolean).join('&');
  out.hash = target.hash;
  return out.href;
}
