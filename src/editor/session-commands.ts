/**
 * The commands on a session after it was created: Check Status, Show Result, Save PDF Report, Delete
 * Personal Data and, for emulator sessions, Complete Verification. Each sends at most one request,
 * only when the user asks (iDenfy restricts accounts that poll), through the same client as Create
 * Session (requestForSession: error mapping, redaction, timeout, no retries), with the credentials and
 * base URL that created the session. What is learnt about the status is written to the history before
 * the UI shows it; photos, result data and PDF bytes never go into the history.
 */
import * as vscode from 'vscode';
import type { HistoryEntry } from '../history/store';
import type { IdenfyFailure } from '../http/errors';
import type { Credentials } from '../http/redact';
import type { LifecycleKind, LifecycleRequest, LifecycleResult } from '../session/lifecycle';
import { loadCore } from './core-loader';
import type { CreateSessionDeps } from './create-session';
import { confirmLive } from './live-guard';
import { withRequestProgress } from './request-progress';
import { hostOf } from './target';

type Outcome =
  Parameters<ReturnType<typeof loadCore>['startEmulator']> extends unknown
    ? Parameters<Awaited<ReturnType<ReturnType<typeof loadCore>['startEmulator']>>['complete']>[1]
    : never;

/** What each command returns, so integration tests assert on outcomes instead of scraping UI. */
export type LifecycleCommandResult =
  | { status: 'ok'; overall?: string; file?: string }
  | { status: 'failed'; cause: string; message: string }
  | { status: 'cancelled' | 'notConfirmed' | 'noSession' };

const TITLES: Record<LifecycleKind, string> = {
  status: 'checking the status of',
  full: 'fetching the result of',
  delete: 'deleting the personal data of',
  pdf: 'generating the PDF report of',
  identifications: 'listing the verifications of',
};

/** The latest stored version of the entry the view handed over (its status may be newer), or a pick. */
async function sessionFor(deps: CreateSessionDeps, given: unknown): Promise<HistoryEntry | undefined> {
  const store = deps.history.history();
  if (given && typeof given === 'object' && typeof (given as HistoryEntry).id === 'string') {
    return store.get((given as HistoryEntry).id) ?? (given as HistoryEntry);
  }
  const picked = await vscode.window.showQuickPick(
    store
      .list()
      .map((entry) => ({ label: entry.clientId || '(no clientId)', description: entry.scanRef, entry })),
    { placeHolder: 'Which session?' },
  );
  return picked?.entry;
}

/**
 * The credentials for the session's target: the running emulator's own only if it is the emulator
 * that created the session (same base URL); for iDenfy, those of the profile that created it (even
 * after switching to another), or the active profile's for entries from before profiles.
 * requestForSession refuses, without sending, when they are missing or not the ones that created the
 * session; a removed profile is refused here, naming it.
 */
async function credentialsFor(
  deps: CreateSessionDeps,
  entry: HistoryEntry,
): Promise<{ ok: true; credentials: Credentials | undefined } | { ok: false; failure: IdenfyFailure }> {
  if (entry.target === 'emulator') {
    const running = await deps.emulator.current();
    const credentials =
      running && running.baseUrl === entry.baseUrl
        ? { apiKey: running.apiKey, apiSecret: running.apiSecret }
        : undefined;
    return { ok: true, credentials };
  }
  if (entry.profileId === undefined) return { ok: true, credentials: await deps.credentials.get() };
  await deps.profiles.ready;
  if (!deps.profiles.byId(entry.profileId)) {
    const message = `The profile "${entry.profile ?? entry.profileId}" that created session ${entry.scanRef} was removed, so nothing was sent: add a profile with that account's API key to ask iDenfy about it.`;
    return {
      ok: false,
      failure: { cause: 'profileRemoved', code: 'NOT_SENT', message, outcomeUnknown: false, action: 'none' },
    };
  }
  return { ok: true, credentials: await deps.profiles.credentials(entry.profileId) };
}

async function send<K extends LifecycleKind>(
  deps: CreateSessionDeps,
  entry: HistoryEntry,
  request: Extract<LifecycleRequest, { kind: K }>,
): Promise<LifecycleResult<K>> {
  const core = loadCore();
  const held = await credentialsFor(deps, entry);
  if (!held.ok) return { ok: false, failure: held.failure, durationMs: 0 };
  const { credentials } = held;
  if (credentials) deps.log.protect(credentials.apiKey, credentials.apiSecret);
  const where = entry.target === 'emulator' ? ' (emulator)' : '';
  return withRequestProgress(
    `iDenfy: ${TITLES[request.kind]} ${entry.scanRef}${where}`,
    { kind: entry.target, baseUrl: entry.baseUrl },
    deps.log,
    (context) => core.requestForSession<K>({ entry, request, credentials, ...context }),
  );
}

/** Stores the status first; the view then redraws from the history's change event. */
async function remember(deps: CreateSessionDeps, entry: HistoryEntry, overall: string): Promise<void> {
  try {
    await deps.history.history().setStatus(entry.id, { overall, checkedAt: new Date().toISOString() });
  } catch (err) {
    deps.log.error(`The status of ${entry.scanRef} could not be saved to the history: ${String(err)}`);
  }
}

function failed(deps: CreateSessionDeps, what: string, failure: IdenfyFailure): LifecycleCommandResult {
  deps.log.error(
    `${what} failed: cause=${failure.cause}${failure.code ? ` code=${failure.code}` : ''}${failure.status ? ` status=${failure.status}` : ''}: ${failure.message}`,
  );
  if (failure.cause === 'cancelled') {
    void vscode.window.showInformationMessage(failure.message);
    return { status: 'cancelled' };
  }
  const buttons =
    failure.action === 'setCredentials' && failure.cause !== 'credentialsMissing'
      ? ['Set API Credentials']
      : [];
  void vscode.window.showErrorMessage(failure.message, ...buttons, 'Open Output').then((choice) => {
    if (choice === 'Set API Credentials') return vscode.commands.executeCommand('idenfy.setCredentials');
    if (choice === 'Open Output') deps.log.show();
    return undefined;
  });
  return { status: 'failed', cause: failure.cause, message: failure.message };
}

export async function checkStatusCommand(
  deps: CreateSessionDeps,
  given?: unknown,
): Promise<LifecycleCommandResult> {
  const entry = await sessionFor(deps, given);
  if (!entry) return { status: 'noSession' };
  const result = await send(deps, entry, { kind: 'status' });
  if (!result.ok) return failed(deps, 'Check Status', result.failure);
  const overall = result.body.status;
  await remember(deps, entry, overall);
  const meaning = loadCore().OVERALL_STATUSES.find((s) => s.value === overall)?.description ?? '';
  void vscode.window
    .showInformationMessage(
      `iDenfy: ${entry.clientId} (${entry.scanRef}) is ${overall}. ${meaning}`,
      'Show Result',
    )
    .then((choice) => choice && vscode.commands.executeCommand('idenfy.history.showResult', entry));
  return { status: 'ok', overall };
}

export async function showResultCommand(
  deps: CreateSessionDeps,
  given?: unknown,
): Promise<LifecycleCommandResult> {
  const entry = await sessionFor(deps, given);
  if (!entry) return { status: 'noSession' };
  const result = await send(deps, entry, { kind: 'full' });
  if (!result.ok) return failed(deps, 'Show Result', result.failure);
  const overall = result.body.status.overall;
  await remember(deps, entry, overall);
  const markdown = loadCore().explainFullResult(result.body, { fetchedAt: new Date() });
  await deps.responses.openResult(entry.scanRef, markdown);
  return { status: 'ok', overall };
}

export async function savePdfCommand(
  deps: CreateSessionDeps,
  given?: unknown,
  /** For tests and scripts: skips the two questions. */
  options?: { language?: 'en' | 'lt'; uri?: vscode.Uri },
): Promise<LifecycleCommandResult> {
  const entry = await sessionFor(deps, given);
  if (!entry) return { status: 'noSession' };
  const language =
    options?.language ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'English', description: 'en', language: 'en' as const },
          { label: 'Lithuanian', description: 'lt', language: 'lt' as const },
        ],
        { title: `PDF report of ${entry.scanRef}`, placeHolder: 'Language of the report' },
      )
    )?.language;
  if (!language) return { status: 'cancelled' };
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `idenfy-${(entry.clientId || 'session').replace(/[^A-Za-z0-9_-]/g, '_')}-${entry.scanRef.split('-')[0]}-${language}.pdf`;
  const uri =
    options?.uri ??
    (await vscode.window.showSaveDialog({
      title: 'Save the iDenfy PDF report',
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { PDF: ['pdf'] },
      saveLabel: 'Save Report',
    }));
  if (!uri) return { status: 'cancelled' };
  const result = await send(deps, entry, { kind: 'pdf', language });
  if (!result.ok) return failed(deps, 'Save PDF Report', result.failure);
  // Written where the user chose only; the history never holds the report.
  await vscode.workspace.fs.writeFile(uri, result.body.pdf);
  void vscode.window
    .showInformationMessage(
      `iDenfy: PDF report of ${entry.scanRef} saved to ${uri.fsPath || uri.path}.`,
      'Open',
    )
    .then((choice) => choice && vscode.commands.executeCommand('vscode.open', uri));
  return { status: 'ok', file: uri.toString() };
}

export async function deleteDataCommand(
  deps: CreateSessionDeps,
  given?: unknown,
  /** Test builds only: answers the modal confirmation, which tests cannot click. */
  options?: { confirmed?: boolean },
): Promise<LifecycleCommandResult> {
  const entry = await sessionFor(deps, given);
  if (!entry) return { status: 'noSession' };
  const profile = entry.profileId === undefined ? undefined : deps.profiles.byId(entry.profileId);
  // A live profile always asks in its own words; the tests' pre-confirmation does not skip it.
  if (profile?.live) {
    const confirmed = await confirmLive(
      {
        action: 'delete',
        profile: profile.name,
        clientId: entry.clientId,
        host: hostOf(entry.baseUrl),
        scanRef: entry.scanRef,
      },
      deps.testHooks,
    );
    if (!confirmed) return { status: 'notConfirmed' };
  } else if (!(__IDENFY_TEST_BUILD__ && options?.confirmed === true)) {
    const where = entry.target === 'emulator' ? 'the emulator' : 'iDenfy';
    const answer = await vscode.window.showWarningMessage(
      `Delete the personal data of ${entry.clientId || '(no clientId)'}'s verification ${entry.scanRef} from ${where}?`,
      {
        modal: true,
        detail:
          'Names, document data and photos are deleted for good; only the record and its status remain. iDenfy allows this once the session token has expired.',
      },
      'Delete Personal Data',
    );
    if (answer !== 'Delete Personal Data') return { status: 'notConfirmed' };
  }
  const result = await send(deps, entry, { kind: 'delete' });
  if (!result.ok) {
    if (result.failure.cause === 'tokenNotExpired') {
      const at = new Date(entry.expiresAt).toLocaleString();
      const message = `iDenfy keeps the personal data of ${entry.scanRef} while its token is valid, until ${at}: delete it after that.`;
      return failed(deps, 'Delete Personal Data', { ...result.failure, message });
    }
    return failed(deps, 'Delete Personal Data', result.failure);
  }
  await remember(deps, entry, 'DELETED');
  void vscode.window.showInformationMessage(`iDenfy: the personal data of ${entry.scanRef} was deleted.`);
  return { status: 'ok', overall: 'DELETED' };
}

type OutcomePick = vscode.QuickPickItem & { outcome?: Outcome['kind'] };

/** The emulator only: finishes the verification as the person and iDenfy would, chosen in quick picks. */
export async function completeEmulatorCommand(
  deps: CreateSessionDeps,
  given?: unknown,
  /** For tests and scripts: the outcome, without the quick picks. */
  outcome?: Outcome,
): Promise<LifecycleCommandResult> {
  const entry = await sessionFor(deps, given);
  if (!entry) return { status: 'noSession' };
  if (entry.target !== 'emulator') {
    const message = `Session ${entry.scanRef} was created on iDenfy: only the person verifying can complete it.`;
    void vscode.window.showWarningMessage(message);
    return { status: 'failed', cause: 'notEmulator', message };
  }
  const chosen = outcome ?? (await pickOutcome(entry));
  if (!chosen) return { status: 'cancelled' };
  try {
    const overall = deps.emulator.complete(entry.baseUrl, entry.scanRef, chosen);
    deps.log.info(`Emulator: completed ${entry.scanRef} as ${overall}`);
    void vscode.window
      .showInformationMessage(
        `Emulator: verification ${entry.scanRef} is now ${overall}. Check Status asks for it as your integration would.`,
        'Check Status',
      )
      .then((choice) => choice && vscode.commands.executeCommand('idenfy.history.checkStatus', entry));
    return { status: 'ok', overall };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(message);
    return { status: 'failed', cause: 'outcomeRefused', message };
  }
}

async function pickOutcome(entry: HistoryEntry): Promise<Outcome | undefined> {
  const core = loadCore();
  const items: OutcomePick[] = [
    { label: '$(pass) Approve', description: 'document valid, face matches', outcome: 'APPROVED' },
    { label: '$(error) Deny…', description: 'with a failing document or face status', outcome: 'DENIED' },
    { label: '$(warning) Suspected…', description: 'with fraud or mismatch tags', outcome: 'SUSPECTED' },
    {
      label: '$(eye) Send to Manual Review',
      description: 'REVIEWING now; complete again for the final result',
      outcome: 'REVIEWING',
    },
  ];
  const kind = (
    await vscode.window.showQuickPick(items, {
      title: `Complete verification ${entry.scanRef} (emulator)`,
      placeHolder: 'How does the verification end?',
    })
  )?.outcome;
  if (kind === 'APPROVED' || kind === 'REVIEWING') return { kind };
  if (kind === 'DENIED') {
    type Why = vscode.QuickPickItem & { document?: string; face?: string };
    const reasons: Why[] = [
      ...core.FACE_STATUSES.filter((s) => s.value !== 'FACE_MATCH').map((s) => ({
        label: s.value,
        detail: s.description,
        face: s.value,
      })),
      ...core.DOCUMENT_STATUSES.filter((s) => s.value !== 'DOC_VALIDATED').map((s) => ({
        label: s.value,
        detail: s.description,
        document: s.value,
      })),
    ];
    const why = await vscode.window.showQuickPick(reasons, {
      title: 'Deny: the failing check',
      placeHolder: 'Face or document status',
      matchOnDetail: true,
    });
    if (!why) return undefined;
    const tags = await pickTags('Deny: tags to raise as well (optional)');
    if (!tags) return undefined;
    return {
      kind,
      ...(why.face ? { face: why.face } : { document: why.document }),
      ...tags,
    } as Outcome;
  }
  if (kind === 'SUSPECTED') {
    const tags = await pickTags('Suspected: the fraud or mismatch tags raised');
    return tags && ({ kind, ...tags } as Outcome);
  }
  return undefined;
}

async function pickTags(title: string): Promise<{ fraudTags: string[]; mismatchTags: string[] } | undefined> {
  const core = loadCore();
  type Tag = vscode.QuickPickItem & { fraud?: string; mismatch?: string };
  const items: Tag[] = [
    { label: 'Fraud tags', kind: vscode.QuickPickItemKind.Separator },
    ...core.FRAUD_TAGS.map((t) => ({ label: t.value, detail: t.description, fraud: t.value })),
    { label: 'Mismatch tags', kind: vscode.QuickPickItemKind.Separator },
    ...core.MISMATCH_TAGS.map((t) => ({ label: t.value, detail: t.description, mismatch: t.value })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true, matchOnDetail: true });
  if (!picked) return undefined;
  return {
    fraudTags: picked.flatMap((t) => (t.fraud ? [t.fraud] : [])),
    mismatchTags: picked.flatMap((t) => (t.mismatch ? [t.mismatch] : [])),
  };
}
