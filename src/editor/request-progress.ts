import type { Dispatcher } from 'undici';
import * as vscode from 'vscode';
import { loadCore } from './core-loader';
import type { Log } from './log';
import { proxySettings, requestTimeoutMs } from './settings';

/** What every request to iDenfy or the emulator gets from the editor, whatever the endpoint. */
export interface RequestContext {
  signal: AbortSignal;
  dispatcher?: Dispatcher;
  timeoutMs: number;
  log: (line: string) => void;
}

/**
 * Runs one request under a cancellable progress notification, with the user's timeout and, for
 * iDenfy only, a per-request proxy dispatcher (the emulator is on loopback and never proxied).
 * Create Session and the lifecycle commands share it, so the connection policy lives in one place.
 */
export function withRequestProgress<T>(
  title: string,
  target: { kind: 'idenfy' | 'emulator'; baseUrl: string },
  log: Log,
  run: (context: RequestContext) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const cancel = token.onCancellationRequested(() => abort.abort());
      const dispatcher =
        target.kind === 'idenfy' ? loadCore().dispatcherFor(proxySettings(), target.baseUrl) : undefined;
      try {
        return await run({
          signal: abort.signal,
          dispatcher,
          timeoutMs: requestTimeoutMs(),
          log: (line) => log.info(line),
        });
      } finally {
        cancel.dispose();
        void dispatcher?.close();
      }
    },
  );
}
