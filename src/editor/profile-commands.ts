/**
 * Add / Rename / Remove / Switch Profile and Mark / Unmark Live, through input boxes, quick picks and
 * modals. The secrets typed here go straight to ProfileStore (SecretStorage); nothing else keeps them.
 */
import * as vscode from 'vscode';
import {
  baseUrlProblem,
  DEFAULT_BASE_URL,
  EMULATOR_NAME,
  nameProblem,
  normalizeBaseUrl,
  type Profile,
} from '../profiles/profile-list';
import { askApiKey, askApiSecret } from './credentials';
import type { ProfileStore } from './profiles';
import { type EmulatorControl, hostOf } from './target';

export interface ProfileDeps {
  profiles: ProfileStore;
  emulator: EmulatorControl;
}

type TargetPick = vscode.QuickPickItem & { run?: () => PromiseLike<unknown> };

/** The status bar's click (and the old idenfy.chooseTarget): the profiles, then the emulator. */
export async function switchProfileCommand(
  deps: ProfileDeps,
  options?: { profilesOnly?: boolean },
): Promise<void> {
  const { profiles, emulator } = deps;
  await profiles.ready;
  const running = emulator.running !== undefined;
  const active = profiles.active();
  const items: TargetPick[] = profiles.list().map((p) => ({
    label: `${p.live ? '$(shield)' : '$(cloud)'} ${p.name}`,
    description: `${hostOf(p.baseUrl)}${p.live ? ' · live' : ''}${p.id === active?.id && !running ? ' · active' : ''}`,
    run: async () => {
      await profiles.activate(p.id);
      // The emulator takes precedence while it runs: choosing a profile means sending with it. After a
      // failed auto-start, choosing a profile is the user's answer too (as "Send to iDenfy" is).
      if (emulator.running) await emulator.stop();
      else emulator.useIdenfy();
    },
  }));
  if (!options?.profilesOnly) {
    items.push({
      label: `$(beaker) ${EMULATOR_NAME}`,
      description: running ? 'running · active' : 'offline, with its own throwaway credentials',
      run: () => emulator.start(),
    });
    if (running)
      items.push(
        {
          label: '$(debug-stop) Stop Local Emulator',
          description: active ? `send with "${active.name}" again` : '',
          run: () => emulator.stop(),
        },
        {
          label: '$(key) Copy Emulator Webhook Signing Key',
          description: 'your handler verifies the emulator’s webhooks with it',
          run: () => vscode.commands.executeCommand('idenfy.copyEmulatorWebhookKey'),
        },
      );
  }
  items.push(
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(add) Add Profile…', run: () => vscode.commands.executeCommand('idenfy.addProfile') },
  );
  const where = running ? 'the offline emulator' : active ? `the profile "${active.name}"` : 'no profile yet';
  const picked = await vscode.window.showQuickPick(items, {
    title: `iDenfy: Create Session sends with ${where}`,
    placeHolder: 'Switch profile',
  });
  await picked?.run?.();
}

export async function addProfileCommand(deps: ProfileDeps): Promise<Profile | undefined> {
  const { profiles } = deps;
  await profiles.ready;
  const title = (step: number) => `iDenfy: Add Profile (${step}/6)`;
  const name = await vscode.window.showInputBox({
    title: title(1),
    prompt: 'Name of the profile, e.g. dev, production or a client’s name',
    ignoreFocusOut: true,
    validateInput: (v) => nameProblem(v, profiles.list()),
  });
  if (name === undefined) return undefined;
  const baseUrl = await vscode.window.showInputBox({
    title: title(2),
    prompt: 'Base URL of the iDenfy API for this profile',
    value: DEFAULT_BASE_URL,
    ignoreFocusOut: true,
    validateInput: (v) => baseUrlProblem(v),
  });
  if (baseUrl === undefined) return undefined;
  const apiKey = await askApiKey(title(3));
  if (apiKey === undefined) return undefined;
  const apiSecret = await askApiSecret(title(4));
  if (apiSecret === undefined) return undefined;
  const webhookSigningKey = await vscode.window.showInputBox({
    title: title(5),
    prompt: 'Webhook signing key (optional: leave empty if this account signs no webhooks)',
    password: true,
    ignoreFocusOut: true,
  });
  if (webhookSigningKey === undefined) return undefined;
  const live = await vscode.window.showQuickPick(
    [
      { label: 'Not live', description: 'DEV or sandbox keys: sends without asking', live: false },
      {
        label: '$(shield) Live',
        description: 'production keys: each Create Session and Delete Personal Data asks first',
        live: true,
      },
    ],
    { title: title(6), placeHolder: 'Is this a live (billable, real people) account?', ignoreFocusOut: true },
  );
  if (!live) return undefined;
  const profile = await profiles.add({
    name,
    baseUrl: normalizeBaseUrl(baseUrl),
    live: live.live,
    apiKey,
    apiSecret,
    webhookSigningKey: webhookSigningKey.trim() || undefined,
  });
  await profiles.activate(profile.id);
  const still = deps.emulator.running
    ? ' The emulator is running: Create Session sends there until you switch.'
    : '';
  void vscode.window.showInformationMessage(
    `iDenfy profile "${profile.name}"${profile.live ? ' (live)' : ''} added and active; its secrets are in VS Code secret storage.${still}`,
  );
  return profile;
}

async function pickProfile(
  profiles: ProfileStore,
  title: string,
  filter: (p: Profile) => boolean = () => true,
): Promise<Profile | undefined> {
  await profiles.ready;
  const candidates = profiles.list().filter(filter);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(`${title}: there is no such profile.`);
    return undefined;
  }
  const active = profiles.active();
  const picked = await vscode.window.showQuickPick(
    candidates.map((p) => ({
      label: `${p.live ? '$(shield)' : '$(cloud)'} ${p.name}`,
      description: `${hostOf(p.baseUrl)}${p.live ? ' · live' : ''}${p.id === active?.id ? ' · active' : ''}`,
      profile: p,
    })),
    { title, placeHolder: 'Which profile?' },
  );
  return picked?.profile;
}

export async function renameProfileCommand(deps: ProfileDeps): Promise<void> {
  const profile = await pickProfile(deps.profiles, 'iDenfy: Rename Profile');
  if (!profile) return;
  const name = await vscode.window.showInputBox({
    title: `iDenfy: Rename Profile "${profile.name}"`,
    value: profile.name,
    ignoreFocusOut: true,
    validateInput: (v) => nameProblem(v, deps.profiles.list(), profile.id),
  });
  if (name === undefined || name.trim() === profile.name) return;
  await deps.profiles.rename(profile.id, name);
}

export async function removeProfileCommand(deps: ProfileDeps): Promise<void> {
  const profile = await pickProfile(deps.profiles, 'iDenfy: Remove Profile');
  if (!profile) return;
  const answer = await vscode.window.showWarningMessage(
    `Remove the iDenfy profile "${profile.name}"?`,
    {
      modal: true,
      detail:
        'Its API key, secret and webhook signing key are deleted from VS Code secret storage. Sessions it created stay in the history, but Check Status and the other session commands can no longer ask iDenfy about them.',
    },
    'Remove Profile',
  );
  if (answer !== 'Remove Profile') return;
  await deps.profiles.remove(profile.id);
  void vscode.window.showInformationMessage(`iDenfy profile "${profile.name}" removed.`);
}

export async function setLiveCommand(deps: ProfileDeps, live: boolean): Promise<void> {
  const profile = await pickProfile(
    deps.profiles,
    live ? 'iDenfy: Mark Profile as Live' : 'iDenfy: Unmark Live Profile',
    (p) => p.live !== live,
  );
  if (!profile) return;
  await deps.profiles.setLive(profile.id, live);
  void vscode.window.showInformationMessage(
    live
      ? `iDenfy profile "${profile.name}" is live: each Create Session and Delete Personal Data with it asks first.`
      : `iDenfy profile "${profile.name}" is no longer marked live.`,
  );
}
