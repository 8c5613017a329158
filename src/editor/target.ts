import * as vscode from 'vscode';
import type { Target } from '../session/send';
import { loadCore } from './core-loader';
import type { Log } from './log';
import { emulatorAutoStart } from './settings';

type Emulator = Awaited<ReturnType<ReturnType<typeof loadCore>['startEmulator']>>;

/**
 * Which iDenfy this window talks to: the real one (user-level base URL + stored credentials) or,
 * while it runs, the offline emulator with its own throwaway credentials. Stored credentials are
 * never touched by the emulator.
 */
export class EmulatorControl implements vscode.Disposable {
  private emulator: Emulator | undefined;
  private starting: Promise<Emulator> | undefined;
  private readonly status = vscode.window.createStatusBarItem(
    'idenfy.target',
    vscode.StatusBarAlignment.Left,
    0,
  );
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Log) {
    this.status.name = 'iDenfy target';
    this.status.text = '$(beaker) iDenfy: emulator';
    this.status.command = 'idenfy.stopEmulator';
  }

  /** The emulator target, once any start in progress (such as the auto-start) has settled. */
  async current(): Promise<Target | undefined> {
    await this.starting?.catch(() => undefined);
    return this.running;
  }

  get running(): Target | undefined {
    const e = this.emulator;
    return e && { kind: 'emulator', baseUrl: e.url, apiKey: e.apiKey, apiSecret: e.apiSecret };
  }

  async start(): Promise<Target> {
    if (!this.emulator) {
      this.starting ??= loadCore().startEmulator();
      try {
        this.emulator = await this.starting;
      } finally {
        this.starting = undefined;
      }
      this.log.protect(this.emulator.apiSecret);
      this.log.info(`Local emulator listening on ${this.emulator.url}`);
      this.status.tooltip = new vscode.MarkdownString(
        `Create Session sends to the offline iDenfy emulator at ${this.emulator.url}.\n\nClick to stop it and use iDenfy again.`,
      );
      this.status.show();
      await vscode.commands.executeCommand('setContext', 'idenfy.emulatorRunning', true);
      this.changed.fire();
    }
    return this.running as Target;
  }

  async stop(): Promise<void> {
    const e = this.emulator;
    if (!e) return;
    this.emulator = undefined;
    this.status.hide();
    await e.close();
    this.log.info('Local emulator stopped');
    await vscode.commands.executeCommand('setContext', 'idenfy.emulatorRunning', false);
    this.changed.fire();
  }

  /** Starts the emulator at activation when the user asked for it (the demo profile does). */
  async autoStart(): Promise<void> {
    if (emulatorAutoStart()) await this.start();
  }

  dispose(): void {
    void this.emulator?.close();
    this.emulator = undefined;
    this.status.dispose();
    this.changed.dispose();
  }
}
