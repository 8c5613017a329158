import type { Dispatcher } from 'undici';

/**
 * undici tells a dispatch handler when the request has been fully written (onRequestSent), but
 * `request()` does not surface it. That moment separates "nothing was sent, safe to send again"
 * from "iDenfy may have created a session", so we observe it on the handler.
 *
 * A composed interceptor would not work: interceptors receive the newer handler interface,
 * which has no onRequestSent. Wrapping `dispatch` itself keeps the handler that `request()` built.
 */

type SentHook = { onRequestSent?: (this: unknown) => unknown };

/** The same dispatcher, except that `onSent` runs once each request has been written. */
export function trackRequestSent(inner: Dispatcher, onSent: () => void): Dispatcher {
  const dispatch = (opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean => {
    // request() builds this handler for this one request, so it is ours to extend. Replacing the one
    // method on the instance (rather than wrapping the handler in a copy) keeps every other call, and
    // the handler's own state, exactly as undici made them.
    const hook = handler as SentHook;
    const original = hook.onRequestSent;
    hook.onRequestSent = function (this: unknown) {
      onSent();
      return original?.call(this);
    };
    return inner.dispatch(opts, handler);
  };
  return new Proxy(inner, {
    get: (target, key) => (key === 'dispatch' ? dispatch : Reflect.get(target, key)),
  });
}
