import type { Dispatcher } from 'undici';

/**
 * undici tells a dispatch handler when the request has been fully written (onRequestSent), but
 * `request()` does not surface it. That moment separates "nothing was sent, safe to send again"
 * from "iDenfy may have created a session", so we wrap the handler to observe it.
 *
 * A composed interceptor would not work: interceptors receive the newer handler interface,
 * which has no onRequestSent. Wrapping `dispatch` itself keeps the handler that `request()` built.
 */

const FORWARDED = [
  'onConnect',
  'onUpgrade',
  'onResponseStarted',
  'onHeaders',
  'onData',
  'onComplete',
  'onError',
  'onBodySent',
  'onRequestStart',
  'onRequestUpgrade',
  'onResponseStart',
  'onResponseData',
  'onResponseEnd',
  'onResponseError',
] as const;

type AnyHandler = Record<string, unknown>;

function withRequestSent(
  handler: Dispatcher.DispatchHandler,
  onSent: () => void,
): Dispatcher.DispatchHandler {
  const source = handler as unknown as AnyHandler;
  const wrapped: AnyHandler = {};
  for (const name of FORWARDED) {
    const fn = source[name];
    // Bound, so the handler's own state (abort callback, response stream) stays on the original.
    if (typeof fn === 'function') wrapped[name] = fn.bind(handler);
  }
  const original = source.onRequestSent;
  wrapped.onRequestSent = () => {
    onSent();
    if (typeof original === 'function') return original.call(handler);
  };
  return wrapped as unknown as Dispatcher.DispatchHandler;
}

/** The same dispatcher, except that `onSent` runs once each request has been written. */
export function trackRequestSent(inner: Dispatcher, onSent: () => void): Dispatcher {
  const dispatch = (opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean =>
    inner.dispatch(opts, withRequestSent(handler, onSent));
  return new Proxy(inner, {
    get: (target, key) => (key === 'dispatch' ? dispatch : Reflect.get(target, key)),
  });
}
