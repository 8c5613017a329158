import * as vscode from 'vscode';

/**
 * The "iDenfy" output channel. Callers pass only lines built by formatLogLine or failure summaries;
 * every line also goes through `redact` here, the last boundary before anything is written.
 */
export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('iDenfy', { log: true });
  private readonly secrets = new Set<string>();

  /** Values that must never be written (the secrets in use); removed from every line. */
  protect(...values: string[]): void {
    for (const v of values) if (v.length >= 4) this.secrets.add(v);
  }

  private redact(line: string): string {
    let out = line;
    for (const s of this.secrets) out = out.split(s).join('[redacted]');
    return out;
  }

  info(line: string): void {
    this.channel.info(this.redact(line));
  }

  warn(line: string): void {
    this.channel.warn(this.redact(line));
  }

  error(line: string): void {
    this.channel.error(this.redact(line));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
