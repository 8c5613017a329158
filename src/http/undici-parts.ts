/**
 * The parts of undici this client uses, required directly. undici's index also loads fetch,
 * WebSocket, caches, mocks and interceptors at start-up, which made up a third of a cold first
 * Create Session (see npm run bench). These paths are undici's own files; its types still apply.
 */
import type { Agent as AgentClass, Dispatcher, ProxyAgent as ProxyAgentClass } from 'undici';

export type { Dispatcher };

export const Agent: typeof AgentClass = require('undici/lib/dispatcher/agent');
export const ProxyAgent: typeof ProxyAgentClass = require('undici/lib/dispatcher/proxy-agent');

type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path'> & { dispatcher: Dispatcher };
const apiRequest: (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData> =
  require('undici/lib/api/api-request');

/** undici's `request(url, options)`, with the dispatcher required (there is no global one here). */
export function request(url: URL, options: RequestOptions): Promise<Dispatcher.ResponseData> {
  const { dispatcher, ...rest } = options;
  return apiRequest.call(dispatcher, { ...rest, origin: url.origin, path: `${url.pathname}${url.search}` });
}
