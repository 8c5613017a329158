/**
 * The editor's side of webhooks: Set/Clear Webhook Signing Key, Send Webhook (a validated
 * *.idenfy-webhook.json fixture POSTed, signed, to the integrator's own handler), and, on a delivery
 * in the Sessions view, Resend and Show Payload. The signing key is read from the WebhookKeyStore or
 * the running emulator at the moment of sending, handed to deliverWebhook, and kept nowhere else.
 * A fixture is signed with the current target's key; a Resend with the key of the account that made
 * the session, as iDenfy signs each webhook with the key of the account the session belongs to.
 */
import * as vscode from 'vscode';
import type { StoredDelivery } from '../history/deliveries';
import type { HistoryEntry } from '../history/store';
import type { WebhookDelivery } from '../webhooks/delivery';
import { copyWithConfirmation } from './clipboard';
import { loadCore } from './core-loader';
import type { CreateSessionDeps } from './create-session';
import { isDeliveryNode } from './history-view';
import { refuseProblems } from './refuse-problems';
import { webhookForwardUrl } from './settings';
import { hostOf } from './target';
import { askForWebhookKey, type WebhookKeyStore } from './webhook-key';

const WEBHOOK_FILE = /\.idenfy-webhook\.json$/i;
/** globalState: the URLs webhooks were last sent to, newest first (URLs only, never a key). */
const RECENT_TARGETS = 'idenfy.webhookTargets';
const MAX_RECENT = 10;

export interface WebhookDeps extends CreateSessionDeps {
  webhookKeys: WebhookKeyStore;
  /** The extension's globalState, for the recent targets. */
  state: vscode.Memento;
}

/** Chosen by the caller instead of asked (scripts, tests, Resend). */
export interface SendWebhookOptions {
  url?: string;
  eventType?: string;
}

/** What Send Webhook and Resend return, so the integration tests assert on outcomes, not on UI. */
export type SendWebhookResult =
  | {
      status: 'delivered' | 'refused' | 'failed';
      delivery: WebhookDelivery;
      /** The session the delivery was recorded under, when the payload's scanRef names one. */
      entryId?: string;
    }
  | { status: 'invalid'; problems: number; message: string }
  | { status: 'badUrl' | 'badEventType'; message: string }
  | { status: 'noEditor' | 'cancelled' | 'noKey' | 'noDelivery' | 'profileRemoved' };

/** The commands of this module, by id (package.json declares the same ids). */
export function webhookCommandTable(deps: WebhookDeps): Record<string, (...args: never[]) => unknown> {
  return {
    'idenfy.setWebhookSigningKey': async () => {
      const saved = await askForWebhookKey(deps.webhookKeys);
      if (saved)
        void vscode.window.showInformationMessage(
          'iDenfy webhook signing key saved in VS Code secret storage. Send Webhook signs with it.',
        );
      return saved !== undefined;
    },
    'idenfy.clearWebhookSigningKey': async () => {
      await deps.webhookKeys.clear();
      void vscode.window.showInformationMessage(
        'iDenfy webhook signing key removed from VS Code secret storage.',
      );
    },
    'idenfy.copyEmulatorWebhookKey': async () => {
      const key = deps.emulator.webhookSigningKey;
      if (!key) {
        void vscode.window.showWarningMessage(
          'The local emulator is not running: start it to get its webhook signing key.',
        );
        return false;
      }
      await copyWithConfirmation("the emulator's webhook signing key", key);
      return true;
    },
    'idenfy.sendWebhook': (uri?: vscode.Uri, options?: SendWebhookOptions) =>
      sendWebhookCommand(deps, uri instanceof vscode.Uri ? uri : undefined, options ?? {}),
    'idenfy.history.resendWebhook': (node?: unknown) => resendStored(deps, node),
    'idenfy.history.showWebhookPayload': (node?: unknown) => showPayload(node),
  };
}

async function sendWebhookCommand(
  deps: WebhookDeps,
  uri: vscode.Uri | undefined,
  options: SendWebhookOptions,
): Promise<SendWebhookResult> {
  const document = uri
    ? await vscode.workspace.openTextDocument(uri)
    : vscode.window.activeTextEditor?.document;
  if (!document || !WEBHOOK_FILE.test(document.uri.path)) {
    void vscode.window.showWarningMessage(
      'Open a *.idenfy-webhook.json payload to send it to your webhook handler.',
    );
    return { status: 'noEditor' };
  }
  // One snapshot of the text: the bytes checked are the bytes signed and sent.
  const core = loadCore();
  deps.diagnostics.clear(document);
  const prepared = core.prepareWebhook(document.getText());
  if (!prepared.ok)
    return {
      status: 'invalid',
      ...refuseProblems(deps.diagnostics, document, prepared.problems, {
        notDone: 'sent',
        because: 'in the payload (iDenfy never sends such a webhook)',
      }),
    };

  const eventType = await chooseEventType(options.eventType, prepared.payload);
  if (eventType === undefined) return { status: 'cancelled' };
  if (!eventType.ok) {
    void vscode.window.showErrorMessage(eventType.message);
    return { status: 'badEventType', message: eventType.message };
  }
  const url = options.url ?? (await pickTargetUrl(deps));
  if (url === undefined) return { status: 'cancelled' };
  const checked = core.checkWebhookTarget(url);
  if (!checked.ok) {
    void vscode.window.showErrorMessage(`Nothing was sent. ${checked.message}`);
    return { status: 'badUrl', message: checked.message };
  }
  const scanRef = typeof prepared.payload.scanRef === 'string' ? prepared.payload.scanRef : undefined;
  return deliver(deps, { url: url.trim(), eventType: eventType.value, body: prepared.body, scanRef });
}

interface Outgoing {
  url: string;
  eventType: string;
  body: string;
  /** The session to record the delivery under: by the payload's scanRef, or the delivery's own entry. */
  scanRef?: string;
  entryId?: string;
  /** Resend: the session whose account signs, instead of the current target. */
  signFor?: HistoryEntry;
}

/** Signs, POSTs, records, and reports (with Resend on a failure). */
async function deliver(deps: WebhookDeps, outgoing: Outgoing): Promise<SendWebhookResult> {
  const signingKey = outgoing.signFor
    ? await signingKeyOfSession(deps, outgoing.signFor)
    : await signingKeyForCurrentTarget(deps);
  if (typeof signingKey !== 'string') return signingKey ?? { status: 'noKey' };
  deps.log.protect(signingKey);
  await rememberTarget(deps.state, outgoing.url);
  const core = loadCore();
  const host = hostOf(outgoing.url);
  // deliverWebhook never throws and ends within its own 10 s deadline (iDenfy's); Cancel stops the
  // waiting only. The call may still reach the receiver, so it is recorded when it ends either way.
  const running = core.deliverWebhook({
    url: outgoing.url,
    body: new TextEncoder().encode(outgoing.body),
    signingKey,
    eventType: outgoing.eventType,
    source: 'editor',
  });
  const recorded = running.then((delivery) => {
    deps.log.info(
      `Webhook ${delivery.event} to ${delivery.url}: ${delivery.status ?? 'no answer'} in ${delivery.durationMs} ms${delivery.error ? ` (${delivery.error})` : ''}`,
    );
    try {
      const saved = deps.history.recordDelivery(
        outgoing.entryId ? { entryId: outgoing.entryId } : { scanRef: outgoing.scanRef },
        delivery,
        outgoing.body,
      );
      return { delivery, entryId: saved?.entryId };
    } catch (err) {
      deps.log.error(`The webhook delivery could not be saved to the Sessions view: ${String(err)}`);
      return { delivery, entryId: undefined };
    }
  });
  const outcome = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `iDenfy: sending ${outgoing.eventType} to ${host}`,
      cancellable: true,
    },
    (_progress, token) =>
      new Promise<Awaited<typeof recorded> | undefined>((resolve) => {
        const cancel = token.onCancellationRequested(() => resolve(undefined));
        void recorded.then((r) => {
          cancel.dispose();
          resolve(r);
        });
      }),
  );
  if (!outcome) return { status: 'cancelled' };
  const { delivery, entryId } = outcome;
  const status = report(deps, delivery, outgoing);
  return { status, delivery, ...(entryId ? { entryId } : {}) };
}

/**
 * The key of the target Create Session sends to now: the running emulator's own (generated per run),
 * or the active profile's; asks for it when that profile has none.
 */
async function signingKeyForCurrentTarget(deps: WebhookDeps): Promise<string | undefined> {
  const state = await deps.emulator.state();
  if (state.kind === 'emulator') return deps.emulator.webhookSigningKey;
  const stored = await deps.webhookKeys.get();
  if (stored) return stored;
  const choice = await vscode.window.showWarningMessage(
    'Nothing was sent: the active profile has no webhook signing key. Your handler verifies Idenfy-Signature with the key from the webhook settings of your iDenfy dashboard.',
    'Set Webhook Signing Key',
  );
  return choice ? askForWebhookKey(deps.webhookKeys) : undefined;
}

/**
 * The key of the account that made `session`, whichever target is current (as session requests use
 * its credentials): the running emulator's for an emulator session, else the key of the profile that
 * created it (the active profile's for entries from before profiles). A removed profile is named.
 */
async function signingKeyOfSession(
  deps: WebhookDeps,
  session: HistoryEntry,
): Promise<string | { status: 'noKey' | 'profileRemoved' }> {
  if (session.target === 'emulator') {
    const key = deps.emulator.webhookSigningKey;
    if (key) return key;
    void vscode.window
      .showWarningMessage(
        `Nothing was sent: session ${session.scanRef} was made by the local emulator, which is not running. Start it and resend: it signs with its own key.`,
        'Start Emulator',
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('idenfy.startEmulator');
      });
    return { status: 'noKey' };
  }
  await deps.profiles.ready;
  const profile =
    session.profileId === undefined ? deps.profiles.active() : deps.profiles.byId(session.profileId);
  if (!profile && session.profileId !== undefined) {
    void vscode.window.showErrorMessage(
      `The profile "${session.profile ?? session.profileId}" that created session ${session.scanRef} was removed, so nothing was sent: its webhook signing key went with it.`,
    );
    return { status: 'profileRemoved' };
  }
  const stored = profile && (await deps.profiles.webhookSigningKey(profile.id));
  if (stored) return stored;
  const whose = profile
    ? `the profile "${profile.name}" that made session ${session.scanRef}`
    : 'the active profile';
  const choice = await vscode.window.showWarningMessage(
    `Nothing was sent: ${whose} has no webhook signing key. Your handler verifies Idenfy-Signature with the key from the webhook settings of that iDenfy account's dashboard.`,
    'Set Webhook Signing Key',
  );
  const asked = choice ? await askForWebhookKey(deps.webhookKeys, profile) : undefined;
  return asked ?? { status: 'noKey' };
}

function report(
  deps: WebhookDeps,
  d: WebhookDelivery,
  outgoing: Outgoing,
): 'delivered' | 'refused' | 'failed' {
  const where = hostOf(d.url);
  const answer = d.answerHead ? ` Answer: ${oneLine(d.answerHead)}` : '';
  const resend = () => void deliver(deps, outgoing);
  if (d.status !== null && d.status >= 200 && d.status < 300) {
    void vscode.window
      .showInformationMessage(
        `Webhook delivered: ${where} answered ${d.status} in ${d.durationMs} ms.${answer}`,
      )
      .then(undefined, () => undefined);
    return 'delivered';
  }
  const what =
    d.status === null
      ? `Webhook not delivered to ${where} after ${d.durationMs} ms: ${d.error ?? 'no answer'}.`
      : `Webhook refused: ${where} answered ${d.status} in ${d.durationMs} ms.${answer}`;
  const message = `${what} iDenfy would count it as failed and send the client to the error URL; its dashboard can resend a failed webhook (up to 10 times).`;
  deps.log.warn(message);
  void vscode.window.showErrorMessage(message, 'Resend', 'Show Output').then((choice) => {
    if (choice === 'Resend') resend();
    else if (choice === 'Show Output') deps.log.show();
  });
  return d.status === null ? 'failed' : 'refused';
}

/** The first lines of an answer on one line, short enough for a notification. */
function oneLine(text: string): string {
  const flat = text.split('\n').slice(0, 3).join(' ⏎ ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

type EventChoice = { ok: true; value: string } | { ok: false; message: string };

/** The given event type, else the one the payload's shape implies, else the user's pick. */
async function chooseEventType(
  given: string | undefined,
  payload: unknown,
): Promise<EventChoice | undefined> {
  const core = loadCore();
  if (given !== undefined) {
    const parsed = core.parseEventType(given);
    return parsed
      ? { ok: true, value: parsed }
      : { ok: false, message: `Nothing was sent: "${given.slice(0, 100)}" is not an Idenfy-Event-Type.` };
  }
  const implied = core.eventTypeFor(payload);
  if (implied) return { ok: true, value: implied };
  const picked = await vscode.window.showQuickPick(
    core.WEBHOOK_EVENT_TYPES.map((type) => ({ label: type, detail: core.WEBHOOK_EVENT_DESCRIPTIONS[type] })),
    {
      title: 'iDenfy: Send Webhook',
      placeHolder: 'Idenfy-Event-Type (the payload does not say which event it is)',
      matchOnDetail: true,
    },
  );
  return picked && { ok: true, value: picked.label };
}

/**
 * Where to send: recent targets, the emulator's forward URL, and the callbackUrl of recent sessions;
 * or a URL typed in. Checked afterwards (https, or http on loopback only).
 */
async function pickTargetUrl(deps: WebhookDeps): Promise<string | undefined> {
  type Item = vscode.QuickPickItem & { url: string };
  const seen = new Set<string>();
  const offered: Item[] = [];
  const offer = (url: unknown, description: string) => {
    if (typeof url !== 'string' || !url.trim() || seen.has(url.trim())) return;
    seen.add(url.trim());
    offered.push({ label: url.trim(), description, url: url.trim() });
  };
  for (const url of recentTargets(deps.state)) offer(url, 'recent');
  offer(webhookForwardUrl(), 'the emulator forward URL (idenfy.emulator.webhookForwardUrl)');
  let entries: readonly HistoryEntry[] = [];
  try {
    entries = deps.history.history().list();
  } catch {
    entries = [];
  }
  for (const entry of entries.slice(0, 20))
    offer(entry.response.callbackUrl, `callbackUrl of ${entry.clientId}`);

  const pick = vscode.window.createQuickPick<Item>();
  pick.title = 'iDenfy: Send Webhook to';
  pick.placeholder =
    'Your webhook handler, e.g. http://127.0.0.1:3000/idenfy/webhook (https, or http on this machine)';
  pick.ignoreFocusOut = true;
  pick.items = offered;
  pick.onDidChangeValue((value) => {
    const typed = value.trim();
    pick.items =
      typed && !seen.has(typed)
        ? [{ label: typed, description: 'send to this URL', url: typed }, ...offered]
        : offered;
  });
  try {
    return await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0]?.url ?? pick.value.trim();
        resolve(chosen || undefined);
        pick.hide();
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    pick.dispose();
  }
}

function recentTargets(state: vscode.Memento): string[] {
  const value = state.get<unknown>(RECENT_TARGETS);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

async function rememberTarget(state: vscode.Memento, url: string): Promise<void> {
  await state.update(
    RECENT_TARGETS,
    [url, ...recentTargets(state).filter((u) => u !== url)].slice(0, MAX_RECENT),
  );
}

function storedOf(node: unknown): StoredDelivery | undefined {
  return isDeliveryNode(node) ? node.delivery : undefined;
}

/**
 * Resend from the Sessions view or the session panel: the same bytes, URL and event, signed with the
 * key of the account that made the session.
 */
async function resendStored(deps: WebhookDeps, node: unknown): Promise<SendWebhookResult> {
  const stored = storedOf(node);
  if (!stored) return { status: 'noDelivery' };
  const { delivery, payload, entryId } = stored;
  const session = deps.history.history().get(entryId);
  if (!session) return { status: 'noDelivery' };
  return deliver(deps, {
    url: delivery.url,
    eventType: delivery.event,
    body: payload,
    entryId,
    signFor: session,
  });
}

/**
 * Opens the payload as an untitled *.idenfy-webhook.json document (its name gives it the webhook
 * schema, and Save makes it a fixture). A compact payload is laid out for reading; the tooltip's
 * SHA-256 is of the bytes that were sent.
 */
async function showPayload(node: unknown): Promise<vscode.TextEditor | undefined> {
  const stored = storedOf(node);
  if (!stored) return undefined;
  const { delivery, payload, id } = stored;
  let text = payload;
  if (!payload.includes('\n')) {
    try {
      text = `${JSON.stringify(JSON.parse(payload), null, 2)}\n`;
    } catch {
      text = payload;
    }
  }
  let scanRef = '';
  try {
    const parsed = JSON.parse(payload) as { scanRef?: unknown };
    if (typeof parsed.scanRef === 'string') scanRef = parsed.scanRef.split('-')[0] ?? '';
  } catch {}
  const name = `${[scanRef, delivery.event.toLowerCase().replace(/_/g, '-'), id.slice(-6)]
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9.-]/g, '_')}.idenfy-webhook.json`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = folder
    ? vscode.Uri.joinPath(folder, name).with({ scheme: 'untitled' })
    : vscode.Uri.from({ scheme: 'untitled', path: `/${name}` });
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() === '') {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), text);
    await vscode.workspace.applyEdit(edit);
  }
  return vscode.window.showTextDocument(document, { preview: false });
}
