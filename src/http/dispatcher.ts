import { Agent, type Dispatcher, ProxyAgent } from './undici-parts';

export interface DispatcherSettings {
  /** VS Code's http.proxy; empty or undefined means a direct connection. */
  proxy?: string;
  /** VS Code's http.proxyStrictSSL; false accepts certificates that do not verify. */
  strictSSL: boolean;
}

/**
 * A dispatcher for one request, built from the editor's proxy settings. Never installed
 * globally: other extensions share the process, and the caller closes it when done.
 */
export function dispatcherFor(settings: DispatcherSettings): Dispatcher {
  const tls = { rejectUnauthorized: settings.strictSSL };
  const proxy = settings.proxy?.trim();
  if (proxy) {
    // requestTls is the TLS to iDenfy through the tunnel, proxyTls the TLS to an https proxy.
    return new ProxyAgent({ uri: proxy, requestTls: tls, proxyTls: tls });
  }
  return new Agent({ connect: tls });
}
