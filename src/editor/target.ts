import * as vscode from 'vscode';
import type { EmulatorEvents } from '../emulator/server';
import type { Target } from '../session/send';
import { loadCore } from './core-loader';
import type { Log } from './log';
import type { ProfileStore } from './profiles';
import { apiBaseUrl, emulatorAutoStart, webhookForwardUrl } from './settings';

type Emulator = Awaited<ReturnType<ReturnType<typeof loadCore>['startEmulator']>>;
/** A webhook call the emulator made when one of its sessions finished (with the exact bytes sent). */
export type WebhookEvent = EmulatorEvents['webhook'][0];
/** One of the emulator's sessions finished. */
export type FinishedEvent = EmulatorEvents['finished'][0];

/** Where Create Session sends now: the emulator, iDenfy, or nowhere because the auto-start failed. */
export type TargetState =
  | { kind: 'emulator'; target: Target }
  | { kind: 'idenfy'; baseUrl: string }
  | { kind: 'emulatorDown'; reason: string; baseUrl: string };

/**
 * Which iDenfy this window talks to: the active profile's (its base URL and credentials) or, while it
 * runs, the offline emulator with its own throwaway credentials. Stored credentials are never touched
 * by the emulator. The status bar says which, from activation on, and a click switches.
 */
export class EmulatorControl implements vscode.Disposable {
  private emulator: Emulator | undefined;
  private starting: Promise<Emulator> | undefined;
  /**
   * Set when the user asked for the emulator at start-up (idenfy.emulator.autoStart) and it did not
   * start: sending to iDenfy then would surprise them, so Create Session refuses until they choose.
   */
  private autoStartFailure: string | undefined;
  private readonly status = vscode.window.createStatusBarItem(
    'idenfy.target',
    vscode.StatusBarAlignment.Left,
    0,
  );
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly webhook = new vscode.EventEmitter<WebhookEvent>();
  /** The emulator delivered a webhook (to the forward URL or the session's callbackUrl). */
  readonly onWebhook = this.webhook.event;
  private readonly finished = new vscode.EventEmitter<FinishedEvent>();
  /** A session of the emulator finished (its page, dummyStatus, Complete, expiry). */
  readonly onFinished = this.finished.event;
  /** The forward URL last refused, so the refusal is said once, not on every delivery. */
  private refusedForwardUrl: string | undefined;

  /**
   * `hooks`: test builds only; `failNextStart` makes the next start throw, as a failing auto-start would;
   * `clockOffsetMs` moves the emulator's clock forward, so tokens expire without waiting.
   */
  constructor(
    private readonly log: Log,
    private readonly profiles: ProfileStore,
    private readonly hooks?: { failNextStart: boolean; clockOffsetMs: number },
  ) {
    this.status.name = 'iDenfy profile';
    this.status.command = 'idenfy.switchProfile';
    this.subscriptions.push(
      profiles.onDidChange(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          e.affectsConfiguration('idenfy.apiBaseUrl') ||
          e.affectsConfiguration('idenfy.emulator.autoStart')
        )
          this.render();
        // Live: the emulator asks for the forward URL at each delivery; a change is only checked here.
        if (e.affectsConfiguration('idenfy.emulator.webhookForwardUrl')) this.checkForwardUrl(true);
      }),
    );
    this.render();
    this.status.show();
  }

  /** The emulator target, once any start in progress (such as the auto-start) has settled. */
  async current(): Promise<Target | undefined> {
    await this.starting?.catch(() => undefined);
    return this.running;
  }

  /** Where the next Create Session goes, once any start in progress has settled. */
  async state(): Promise<TargetState> {
    const running = await this.current();
    if (running) return { kind: 'emulator', target: running };
    const reason = this.autoStartFailure;
    // Turning the setting off is a choice too: the user no longer expects the emulator.
    if (reason !== undefined && emulatorAutoStart())
      return { kind: 'emulatorDown', reason, baseUrl: this.idenfyBaseUrl() };
    return { kind: 'idenfy', baseUrl: this.idenfyBaseUrl() };
  }

  /** Where a send to iDenfy goes: the active profile's base URL; before any profile, the setting's. */
  private idenfyBaseUrl(): string {
    return this.profiles.active()?.baseUrl ?? apiBaseUrl();
  }

  get running(): Target | undefined {
    const e = this.emulator;
    return e && { kind: 'emulator', baseUrl: e.url, apiKey: e.apiKey, apiSecret: e.apiSecret };
  }

  /** The running emulator's webhook signing key (generated per run, like its API credentials). */
  get webhookSigningKey(): string | undefined {
    return this.emulator?.webhookSigningKey;
  }

  /**
   * Where the emulator delivers webhooks instead of the session's callbackUrl: the user's
   * idenfy.emulator.webhookForwardUrl when it is https or loopback http; undefined otherwise (a
   * refused value is reported once, see checkForwardUrl).
   */
  forwardWebhooksTo(): string | undefined {
    return this.checkForwardUrl(false);
  }

  private checkForwardUrl(changed: boolean): string | undefined {
    const url = webhookForwardUrl();
    if (url === undefined) {
      this.refusedForwardUrl = undefined;
      if (changed) this.log.info("Emulator webhooks go to each session's callbackUrl (no forward URL set).");
      return undefined;
    }
    const checked = loadCore().checkWebhookTarget(url);
    if (checked.ok) {
      this.refusedForwardUrl = undefined;
      if (changed) this.log.info(`Emulator webhooks are forwarded to ${url}`);
      return url;
    }
    if (this.refusedForwardUrl !== url) {
      this.refusedForwardUrl = url;
      const message = `idenfy.emulator.webhookForwardUrl is ignored: ${checked.message} The emulator delivers to each session's callbackUrl meanwhile.`;
      this.log.warn(message);
      void vscode.window.showErrorMessage(message, 'Open Settings').then((choice) => {
        if (choice)
          void vscode.commands.executeCommand(
            'workbench.action.openSettings',
            'idenfy.emulator.webhookForwardUrl',
          );
      });
    }
    return undefined;
  }

  async start(): Promise<Target> {
    if (!this.emulator) {
      this.starting ??= this.launch();
      try {
        this.emulator = await this.starting;
      } finally {
        this.starting = undefined;
      }
      this.autoStartFailure = undefined;
      this.log.protect(this.emulator.apiSecret, this.emulator.webhookSigningKey);
      this.emulator.events.on('webhook', (event) => this.webhook.fire(event));
      this.emulator.events.on('finished', (event) => this.finished.fire(event));
      this.log.info(`Local emulator listening on ${this.emulator.url}`);
      this.render();
      await vscode.commands.executeCommand('setContext', 'idenfy.emulatorRunning', true);
      this.changed.fire();
    }
    return this.running as Target;
  }

  private async launch(): Promise<Emulator> {
    if (__IDENFY_TEST_BUILD__ && this.hooks?.failNextStart) {
      this.hooks.failNextStart = false;
      throw new Error('emulator start failed (injected by a test)');
    }
    const hooks = __IDENFY_TEST_BUILD__ ? this.hooks : undefined;
    // A refused forward URL is said at start too, not only when the setting changes.
    this.checkForwardUrl(false);
    return loadCore().startEmulator({
      forwardWebhooksTo: () => this.forwardWebhooksTo(),
      ...(hooks ? { now: () => Date.now() + hooks.clockOffsetMs } : {}),
    });
  }

  /**
   * Finishes a verification in the running emulator, if it is the one that created the session (same
   * base URL): another run's sessions are gone with it. Throws the emulator's OutcomeError otherwise.
   */
  complete(baseUrl: string, scanRef: string, outcome: Parameters<Emulator['complete']>[1]): string {
    const e = this.emulator;
    if (!e || e.url !== baseUrl) {
      throw new (loadCore().OutcomeError)(
        `The emulator that created session ${scanRef} is not running, so it cannot be completed: the emulator keeps sessions in memory only, and they ended with that run.`,
      );
    }
    return e.complete(scanRef, outcome);
  }

  async stop(): Promise<void> {
    const e = this.emulator;
    if (!e) return;
    this.emulator = undefined;
    this.render();
    await e.close();
    this.log.info('Local emulator stopped');
    await vscode.commands.executeCommand('setContext', 'idenfy.emulatorRunning', false);
    this.changed.fire();
  }

  /** The user chose iDenfy after a failed auto-start ("Send to iDenfy"). */
  useIdenfy(): void {
    this.autoStartFailure = undefined;
    this.render();
  }

  /** Starts the emulator at activation when the user asked for it (the demo profile does). */
  async autoStart(): Promise<void> {
    if (!emulatorAutoStart()) return;
    try {
      await this.start();
    } catch (err) {
      this.autoStartFailure = err instanceof Error ? err.message : String(err);
      this.render();
      throw err;
    }
  }

  /** What the status bar says now (for the integration tests). */
  statusText(): string {
    return this.status.text;
  }

  /** The status bar item: always shown, so one can see where Create Session sends before sending. */
  private render(): void {
    const e = this.emulator;
    const profile = this.profiles.active();
    const host = hostOf(this.idenfyBaseUrl());
    const named = profile ? `the profile "${profile.name}" (${host})` : `iDenfy at ${host}`;
    this.status.backgroundColor = undefined;
    if (e) {
      this.status.text = '$(beaker) iDenfy: emulator';
      this.status.tooltip = new vscode.MarkdownString(
        `Create Session sends to the offline iDenfy emulator at ${e.url}.\n\nClick to switch to a profile.`,
      );
    } else if (this.autoStartFailure !== undefined && emulatorAutoStart()) {
      this.status.text = '$(warning) iDenfy: emulator failed';
      this.status.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.status.tooltip = new vscode.MarkdownString(
        `The local emulator did not start, so Create Session sends nothing until you start it or choose ${named}.\n\nClick to choose.`,
      );
    } else if (profile?.live) {
      // Live sends are billed and real people's data: the item stands out, as the modal will.
      this.status.text = `$(shield) iDenfy: ${profile.name} (live)`;
      this.status.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.status.tooltip = new vscode.MarkdownString(
        `Create Session sends to ${host} with the **live** profile "${profile.name}": each Create Session and Delete Personal Data asks first.\n\nClick to switch profiles.`,
      );
    } else if (profile) {
      this.status.text = `$(cloud) iDenfy: ${profile.name}`;
      this.status.tooltip = new vscode.MarkdownString(
        `Create Session sends to ${host} with the profile "${profile.name}".\n\nClick to switch profiles or start the offline emulator.`,
      );
    } else {
      this.status.text = `$(cloud) iDenfy: ${host}`;
      this.status.tooltip = new vscode.MarkdownString(
        `No profile is active: Create Session asks for API credentials for iDenfy at ${host}.\n\nClick to add or switch profiles, or start the offline emulator.`,
      );
    }
  }

  dispose(): void {
    void this.emulator?.close();
    this.emulator = undefined;
    for (const s of this.subscriptions) s.dispose();
    this.status.dispose();
    this.changed.dispose();
    this.webhook.dispose();
    this.finished.dispose();
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
