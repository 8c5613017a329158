import * as vscode from 'vscode';
import type { HistoryEntry } from '../history/store';
import { copyWithConfirmation } from './clipboard';
import { type CopyAsOptions, copyAsCommand } from './copy-as';
import { loadCore } from './core-loader';
import { type CreateSessionDeps, createSessionCommand } from './create-session';
import { askForCredentials } from './credentials';
import { openVerificationPage } from './open-page';
import {
  addProfileCommand,
  removeProfileCommand,
  renameProfileCommand,
  setLiveCommand,
  switchProfileCommand,
} from './profile-commands';
import {
  checkStatusCommand,
  completeEmulatorCommand,
  deleteDataCommand,
  savePdfCommand,
  showResultCommand,
} from './session-commands';
import { newRequestFile } from './walkthrough';

type Handler = (...args: never[]) => unknown;

/** Every command of the extension, by id; package.json declares the same ids. */
export function commandTable(deps: CreateSessionDeps): Record<string, Handler> {
  const { credentials, emulator, history, responses } = deps;
  return {
    'idenfy.setCredentials': async () => {
      const saved = await askForCredentials(credentials);
      if (saved)
        void vscode.window.showInformationMessage(
          `iDenfy API credentials saved in VS Code secret storage for profile "${saved.profile.name}".`,
        );
      return saved !== undefined;
    },
    'idenfy.clearCredentials': async () => {
      const profile = await credentials.clear();
      void vscode.window.showInformationMessage(
        profile
          ? `iDenfy API credentials of profile "${profile.name}" removed from VS Code secret storage.`
          : 'No iDenfy profile is active: no credentials were removed.',
      );
    },
    'idenfy.createSession': (uri?: vscode.Uri) =>
      createSessionCommand(deps, uri instanceof vscode.Uri ? uri : undefined),
    'idenfy.startEmulator': async () => {
      const target = await emulator.start();
      void vscode.window.showInformationMessage(
        `iDenfy emulator running at ${target.baseUrl}. Create Session now sends there, with the emulator's own credentials; your profiles are untouched.`,
      );
      return target.baseUrl;
    },
    'idenfy.stopEmulator': async () => {
      await emulator.stop();
      const active = deps.profiles.active();
      void vscode.window.showInformationMessage(
        `iDenfy emulator stopped. Create Session sends to iDenfy again${active ? `, with the profile "${active.name}"` : ''}.`,
      );
    },
    // Credential profiles; idenfy.chooseTarget is the status bar's command id from before profiles.
    'idenfy.switchProfile': (options?: { profilesOnly?: boolean }) => switchProfileCommand(deps, options),
    'idenfy.chooseTarget': () => switchProfileCommand(deps),
    'idenfy.addProfile': () => addProfileCommand(deps),
    'idenfy.renameProfile': () => renameProfileCommand(deps),
    'idenfy.removeProfile': () => removeProfileCommand(deps),
    'idenfy.markProfileLive': () => setLiveCommand(deps, true),
    'idenfy.unmarkProfileLive': () => setLiveCommand(deps, false),
    'idenfy.showOutput': () => deps.log.show(),
    'idenfy.history.openPage': (entry: HistoryEntry) => {
      if (loadCore().isExpired(entry)) {
        void vscode.window.showWarningMessage(
          `The session for ${entry.clientId} has expired; create a new one.`,
        );
        return;
      }
      return openVerificationPage(entry.baseUrl, entry.response);
    },
    'idenfy.history.copyAuthToken': (entry: HistoryEntry) =>
      copyWithConfirmation('authToken', entry.authToken),
    'idenfy.history.copyScanRef': (entry: HistoryEntry) => copyWithConfirmation('scanRef', entry.scanRef),
    'idenfy.history.showResponse': (entry: HistoryEntry) => responses.open(entry.scanRef, entry.response),
    'idenfy.history.checkStatus': (entry?: HistoryEntry) => checkStatusCommand(deps, entry),
    'idenfy.history.showResult': (entry?: HistoryEntry) => showResultCommand(deps, entry),
    'idenfy.history.savePdf': (entry?: HistoryEntry, options?: Parameters<typeof savePdfCommand>[2]) =>
      savePdfCommand(deps, entry, options),
    'idenfy.history.deletePersonalData': (
      entry?: HistoryEntry,
      options?: Parameters<typeof deleteDataCommand>[2],
    ) => deleteDataCommand(deps, entry, options),
    'idenfy.history.completeEmulator': (
      entry?: HistoryEntry,
      outcome?: Parameters<typeof completeEmulatorCommand>[2],
    ) => completeEmulatorCommand(deps, entry, outcome),
    'idenfy.history.remove': (entry: HistoryEntry) => history.history().remove(entry.id),
    'idenfy.history.clear': async () => {
      const answer = await vscode.window.showWarningMessage(
        'Remove every session from the iDenfy Sessions history? The sessions stay on iDenfy.',
        { modal: true },
        'Clear History',
      );
      if (answer === 'Clear History') await history.history().clear();
    },
    'idenfy.copyAsCurl': (target?: vscode.Uri | HistoryEntry, options?: CopyAsOptions) =>
      copyAsCommand(deps, 'curl', target, options),
    'idenfy.copyAsCode': (target?: vscode.Uri | HistoryEntry, options?: CopyAsOptions) =>
      copyAsCommand(deps, 'code', target, options),
    'idenfy.newRequestFile': () => newRequestFile(),
    /** For tests and scripts: the current history, without secrets (it never holds any). */
    'idenfy.history.list': () => history.history().list(),
  };
}
