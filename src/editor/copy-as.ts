/**
 * Copy as cURL / Copy as Code: on a *.idenfy.json file, the Create Session request exactly as it
 * would be sent (the same prepareRequest bytes, refused the same way when the file has problems); on
 * a Sessions entry, the follow-up call a backend makes for that session (status, full result, data
 * deletion) at the base URL that created it. Credentials appear only as environment-variable
 * references: the generators never receive them.
 */
import * as vscode from 'vscode';
import type { ExportFormatId } from '../export/formats';
import type { HistoryEntry } from '../history/store';
import { copyWithConfirmation } from './clipboard';
import { loadCore } from './core-loader';
import type { CreateSessionDeps } from './create-session';
import { baseName, refuseProblems } from './refuse-problems';
import type { EmulatorControl } from './target';

const REQUEST_FILE = /\.idenfy\.json$/i;

export type CopyFamily = 'curl' | 'code';
export type FollowUpCall = 'status' | 'full' | 'delete';

/** Lets tests and scripts skip the quick picks. */
export interface CopyAsOptions {
  format?: ExportFormatId;
  call?: FollowUpCall;
}

/** What the command returns, so tests assert on outcomes without scraping UI. */
export type CopyAsResult =
  | { status: 'copied'; format: ExportFormatId; url: string }
  | { status: 'invalid'; problems: number; message: string }
  | { status: 'failed'; message: string }
  | { status: 'cancelled' | 'noEditor' };

const FOLLOW_UPS: Record<FollowUpCall, { label: string; detail: string; title: (ref: string) => string }> = {
  status: {
    label: 'Check Status',
    detail: 'POST /api/v2/status: the overall status, as a backend polls it sparingly',
    title: (ref) => `iDenfy: check the status of verification ${ref}`,
  },
  full: {
    label: 'Full Result',
    detail: 'POST /api/v2/full: the whole result with expiring photo links',
    title: (ref) => `iDenfy: fetch the full result of verification ${ref}`,
  },
  delete: {
    label: 'Delete Personal Data',
    detail: 'POST /api/v2/delete: irreversible; allowed once the session token has expired',
    title: (ref) => `iDenfy: delete the personal data of verification ${ref} (irreversible)`,
  },
};

/**
 * The base URL a copied Create Session request is written for: the emulator's while it runs (what
 * Create Session would use now), else the active profile's base URL (EmulatorControl.state() says which).
 */
export async function copyTargetBaseUrl(emulator: EmulatorControl): Promise<string> {
  const state = await emulator.state();
  return state.kind === 'emulator' ? state.target.baseUrl : state.baseUrl;
}

function isEntry(value: unknown): value is HistoryEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof vscode.Uri) &&
    typeof (value as HistoryEntry).id === 'string' &&
    typeof (value as HistoryEntry).scanRef === 'string'
  );
}

export async function copyAsCommand(
  deps: CreateSessionDeps,
  family: CopyFamily,
  given?: unknown,
  options: CopyAsOptions = {},
): Promise<CopyAsResult> {
  if (isEntry(given)) return copyFollowUp(family, given, options);
  return copyRequestFile(deps, family, given instanceof vscode.Uri ? given : undefined, options);
}

async function pickFormat(family: CopyFamily, preset?: ExportFormatId): Promise<ExportFormatId | undefined> {
  const formats = loadCore().EXPORT_FORMATS.filter((f) => f.family === family);
  if (preset) return formats.some((f) => f.id === preset) ? preset : undefined;
  const picked = await vscode.window.showQuickPick(
    formats.map((f) => ({ label: f.label, detail: f.detail, id: f.id })),
    {
      title: family === 'curl' ? 'Copy as cURL' : 'Copy as Code',
      placeHolder:
        'Credentials stay out: the copy reads IDENFY_API_KEY and IDENFY_API_SECRET from the environment',
    },
  );
  return picked?.id;
}

async function copyRequestFile(
  deps: CreateSessionDeps,
  family: CopyFamily,
  uri: vscode.Uri | undefined,
  options: CopyAsOptions,
): Promise<CopyAsResult> {
  const document = uri
    ? await vscode.workspace.openTextDocument(uri)
    : vscode.window.activeTextEditor?.document;
  if (!document || !REQUEST_FILE.test(document.fileName)) {
    void vscode.window.showWarningMessage('Open a *.idenfy.json request file to copy it as cURL or code.');
    return { status: 'noEditor' };
  }
  const core = loadCore();
  // The same check as Create Session: what cannot be sent is not copied either.
  deps.diagnostics.clear(document);
  const prepared = core.prepareRequest(document.getText());
  if (!prepared.ok)
    return {
      status: 'invalid',
      ...refuseProblems(deps.diagnostics, document, prepared.problems, {
        notDone: 'copied',
        because: 'would make iDenfy refuse it',
      }),
    };

  const format = await pickFormat(family, options.format);
  if (!format) return { status: 'cancelled' };
  const url = core.idenfyUrl(await copyTargetBaseUrl(deps.emulator), 'token');
  if (!url.ok) return fail(url.message);
  const name = baseName(document.fileName);
  const text = core.exportRequest(format, {
    url: url.url.href,
    body: prepared.body,
    title: `iDenfy: create a verification session for ${prepared.clientId} (from ${name})`,
  });
  await copyWithConfirmation(`${name} as ${labelOf(format)}`, text);
  return { status: 'copied', format, url: url.url.href };
}

async function copyFollowUp(
  family: CopyFamily,
  entry: HistoryEntry,
  options: CopyAsOptions,
): Promise<CopyAsResult> {
  const call =
    options.call ??
    (
      await vscode.window.showQuickPick(
        (Object.keys(FOLLOW_UPS) as FollowUpCall[]).map((id) => ({ ...FOLLOW_UPS[id], id })),
        { title: `Copy a call for ${entry.scanRef}`, placeHolder: 'Which call your backend makes' },
      )
    )?.id;
  if (!call) return { status: 'cancelled' };
  const format = await pickFormat(family, options.format);
  if (!format) return { status: 'cancelled' };
  const core = loadCore();
  // The session's own base URL: lifecycle calls go where the session was made.
  const url = core.idenfyUrl(entry.baseUrl, call);
  if (!url.ok) return fail(url.message);
  // The body the lifecycle client sends (src/http/verification-client.ts).
  const text = core.exportRequest(format, {
    url: url.url.href,
    body: JSON.stringify({ scanRef: entry.scanRef }),
    title: FOLLOW_UPS[call].title(entry.scanRef),
  });
  await copyWithConfirmation(`${FOLLOW_UPS[call].label} as ${labelOf(format)}`, text);
  return { status: 'copied', format, url: url.url.href };
}

function labelOf(format: ExportFormatId): string {
  return loadCore().EXPORT_FORMATS.find((f) => f.id === format)?.label ?? format;
}

function fail(message: string): CopyAsResult {
  void vscode.window.showErrorMessage(message);
  return { status: 'failed', message };
}
