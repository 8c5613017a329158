/**
 * Knowing when the request has been written separates "nothing was sent, safe to send again" from
 * "iDenfy may have created a session". undici's public handler interface (onRequestStart ...
 * onResponseError) has no such moment, and interceptors only see that interface; its documented
 * diagnostics channel `undici:request:bodySent` does ("published after the request body has been
 * fully sent", docs/api/DiagnosticsChannel.md). The channel is process-wide, so our request is
 * recognised by its body: undici keeps the Buffer it was given as `request.body`, and each call
 * passes a Buffer of its own.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

const BODY_SENT = 'undici:request:bodySent';

/** Calls `onSent` once `body` has been fully written by undici; the returned function stops watching. */
export function watchBodySent(body: Buffer, onSent: () => void): () => void {
  let done = false;
  const listener = (message: unknown) => {
    const request = (message as { request?: { body?: unknown } } | undefined)?.request;
    if (done || request?.body !== body) return;
    done = true;
    onSent();
  };
  subscribe(BODY_SENT, listener);
  return () => {
    unsubscribe(BODY_SENT, listener);
  };
}
