import * as vscode from 'vscode';

const DEFAULT_BASE_URL = 'https://ivs.idenfy.com';

/**
 * The user's own value only. `idenfy.apiBaseUrl` is application-scoped, so VS Code already ignores
 * workspace values; reading globalValue makes sure a cloned repository can never send the user's
 * credentials to a host of its choosing.
 */
export function apiBaseUrl(): string {
  const inspected = vscode.workspace.getConfiguration('idenfy').inspect<string>('apiBaseUrl');
  return (inspected?.globalValue ?? inspected?.defaultValue ?? DEFAULT_BASE_URL).trim() || DEFAULT_BASE_URL;
}

export function requestTimeoutMs(): number {
  const seconds = vscode.workspace.getConfiguration('idenfy').get<number>('requestTimeoutSeconds', 30);
  return Math.max(1, Math.min(600, seconds)) * 1000;
}

export function emulatorAutoStart(): boolean {
  const inspected = vscode.workspace.getConfiguration('idenfy').inspect<boolean>('emulator.autoStart');
  return inspected?.globalValue ?? false;
}

/** VS Code's own proxy settings, honoured per request (never through a global dispatcher). */
export function proxySettings(): { proxy?: string; noProxy: string[]; strictSSL: boolean } {
  const http = vscode.workspace.getConfiguration('http');
  const proxy = http.get<string>('proxy')?.trim();
  const noProxy = http.get<unknown>('noProxy');
  return {
    proxy: proxy || undefined,
    noProxy: Array.isArray(noProxy) ? noProxy.filter((e): e is string => typeof e === 'string') : [],
    strictSSL: http.get<boolean>('proxyStrictSSL', true),
  };
}

/**
 * Days a session stays in the history (it holds personal data); 0 keeps it. User settings only
 * (application scope): a cloned repository cannot make the history keep more.
 */
export function historyRetentionDays(): number {
  const inspected = vscode.workspace.getConfiguration('idenfy').inspect<number>('history.retentionDays');
  const days = inspected?.globalValue ?? inspected?.defaultValue ?? 30;
  return typeof days === 'number' && Number.isFinite(days) && days >= 0 ? days : 30;
}

/**
 * Where the emulator delivers its webhooks instead of each session's callbackUrl (like `stripe listen
 * --forward-to`), or undefined. User settings only (application scope, and globalValue here): a cloned
 * repository cannot send the results of the user's sessions elsewhere. Not checked here: the emulator
 * side refuses a URL that is neither https nor loopback http, and the editor says so (see target.ts).
 */
export function webhookForwardUrl(): string | undefined {
  const inspected = vscode.workspace.getConfiguration('idenfy').inspect<string>('emulator.webhookForwardUrl');
  const value = inspected?.globalValue;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
