/**
 * Whether a request to iDenfy goes through a proxy, decided from VS Code's settings and the
 * environment the way VS Code's own proxy resolver reads them (@vscode/proxy-agent, used by the
 * extension host): `http.proxy` wins over HTTPS_PROXY / HTTP_PROXY (lower case first); `http.noProxy`,
 * when it lists anything, replaces NO_PROXY. One deliberate difference: VS Code sends loopback hosts
 * direct, while the configured iDenfy base URL goes through the proxy whatever its host, so a
 * gateway or mock on 127.0.0.1 behind a proxy behaves as the real API would. Pure: no sockets.
 */
import { BlockList, isIP } from 'node:net';

export interface ProxySettings {
  /** VS Code's http.proxy; empty or undefined means "use the environment". */
  proxy?: string;
  /** VS Code's http.noProxy: hosts (or host:port, .suffix, IP, CIDR, *) that are never proxied. */
  noProxy?: readonly string[];
  /** VS Code's http.proxyStrictSSL; applies to proxied connections only (see dispatcher.ts). */
  strictSSL: boolean;
}

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

type ProxyDecision =
  | { kind: 'direct'; reason: 'noProxySetting' | 'noProxyEnv' | 'noProxyConfigured' }
  | {
      kind: 'proxy';
      uri: string /** 'http.proxy' or the environment variable it came from. */;
      source: string;
    }
  | { kind: 'invalid'; message: string };

/** The first non-empty environment variable, lower case first as VS Code reads them. */
function fromEnv(env: ProxyEnv, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

/** Host names and IPs compare without the brackets URL keeps around IPv6 addresses. */
function bare(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

/** VS Code's matching of a no-proxy list: `*`, exact host or host:port, domain suffix, IP or CIDR. */
export function bypassesProxy(entries: readonly string[], target: URL): boolean {
  const host = bare(target.hostname);
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  const ipVersion = isIP(host);
  const blocks = new BlockList();
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    if (entry === host || entry === `${host}:${port}`) return true;
    // ".example.com" and "example.com" both cover sub.example.com; the dot keeps "badexample.com" out.
    const suffix = entry.startsWith('.') ? entry.slice(1) : entry;
    if (ipVersion === 0 && suffix !== '' && (host === suffix || host.endsWith(`.${suffix}`))) return true;
    if (ipVersion === 0) continue;
    const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
    const address = bare(cidr ? (cidr[1] ?? '') : entry);
    const family = isIP(address);
    if (family === 0) continue;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (cidr) blocks.addSubnet(address, Number(cidr[2]), type);
    else blocks.addAddress(address, type);
  }
  return ipVersion !== 0 && blocks.check(host, ipVersion === 4 ? 'ipv4' : 'ipv6');
}

/** Never echo a user name or password that may sit in the proxy value. */
function withoutUserInfo(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/@]*@/i, '$1');
}

function checkProxyUri(value: string, source: string): ProxyDecision {
  const shown = withoutUserInfo(value);
  const where = source === 'http.proxy' ? 'in Settings' : 'where the variable is set';
  const invalid = (message: string): ProxyDecision => ({ kind: 'invalid', message });
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return invalid(
      `The proxy in ${source} ("${shown}") has no scheme, so nothing was sent: write it as http://${shown} (or https:// for a proxy that speaks TLS) ${where}.`,
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return invalid(
      `The proxy in ${source} ("${shown}") is not a valid URL, so nothing was sent: correct it ${where}.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return invalid(
      `The proxy in ${source} uses ${url.protocol}//, which is not supported, so nothing was sent: use an http:// or https:// proxy.`,
    );
  }
  return { kind: 'proxy', uri: url.href, source };
}

/** The decision for one request to `target` (the iDenfy endpoint URL). */
export function proxyDecision(settings: ProxySettings, target: URL, env: ProxyEnv): ProxyDecision {
  const noProxy = settings.noProxy?.filter((e) => e.trim() !== '') ?? [];
  if (noProxy.length > 0) {
    if (bypassesProxy(noProxy, target)) return { kind: 'direct', reason: 'noProxySetting' };
  } else {
    const envNoProxy = fromEnv(env, ['no_proxy', 'NO_PROXY']);
    if (envNoProxy && bypassesProxy(envNoProxy.value.split(','), target)) {
      return { kind: 'direct', reason: 'noProxyEnv' };
    }
  }
  const setting = settings.proxy?.trim();
  if (setting) return checkProxyUri(setting, 'http.proxy');
  const envProxy = fromEnv(env, ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']);
  if (envProxy) return checkProxyUri(envProxy.value, `the ${envProxy.name} environment variable`);
  return { kind: 'direct', reason: 'noProxyConfigured' };
}
