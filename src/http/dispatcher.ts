/**
 * The undici dispatcher for one request to iDenfy, built from the decision in proxy-decision.ts.
 * Never installed globally: other extensions share the process, and the caller closes it when done.
 */
import { Agent, Dispatcher, ProxyAgent } from 'undici';
import { type ProxyEnv, type ProxySettings, proxyDecision } from './proxy-decision';

/** The error a refused proxy setting fails the request with; network-failures.ts shows its message as is. */
class ProxySettingError extends Error {
  readonly code = 'IDENFY_PROXY_SETTING';
}

/**
 * Stands in for a proxy whose setting cannot be used: every request fails before a socket opens,
 * with the message that says what to fix (undici's InvalidArgumentError would say nothing useful).
 */
class RefusingDispatcher extends Dispatcher {
  constructor(private readonly error: ProxySettingError) {
    super();
  }
  override dispatch(): boolean {
    // undici's request() turns a throwing dispatch into a rejected promise.
    throw this.error;
  }
  override close(): Promise<void> {
    return Promise.resolve();
  }
  override destroy(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * `http.proxyStrictSSL: false` relaxes certificate checks on proxied connections only (the proxy's
 * own TLS and, for proxies that re-sign traffic, the tunnelled TLS to iDenfy). A direct connection
 * always verifies: VS Code's extension host, whose networking extensions get, never reads the setting.
 */
export function dispatcherFor(
  settings: ProxySettings,
  targetUrl: URL | string,
  env: ProxyEnv = process.env,
): Dispatcher {
  let target: URL;
  try {
    target = new URL(targetUrl);
  } catch {
    // No request will be made: the client refuses such a base URL, with its own message, before any socket.
    return new Agent();
  }
  const decision = proxyDecision(settings, target, env);
  if (decision.kind === 'invalid') return new RefusingDispatcher(new ProxySettingError(decision.message));
  if (decision.kind === 'direct') return new Agent();
  const tls = { rejectUnauthorized: settings.strictSSL };
  try {
    // proxyTunnel false: an http:// target is sent in absolute form, an https:// one through CONNECT.
    return new ProxyAgent({ uri: decision.uri, proxyTunnel: false, requestTls: tls, proxyTls: tls });
  } catch {
    // undici's reason is not quoted: it may repeat the proxy URL with its password.
    return new RefusingDispatcher(
      new ProxySettingError(`The proxy in ${decision.source} cannot be used, so nothing was sent: check it.`),
    );
  }
}
