// UI scenario, as a person would do it: F1 > "iDenfy: Add Profile" twice, typed into its six steps (a "dev"
// profile and a live "production" one, each pointing at its own emulator from dist/idenfy-core.js on
// loopback), the status bar naming the live profile, its click opening Switch Profile with both profiles and
// the local emulator; Create Session with the live profile opens the modal naming the profile, the clientId
// and the bill, and Cancel sends nothing (the production emulator counts zero POSTs); switching to "dev" from
// the status bar makes Create Session send there. Saves the README pictures
// screenshot-profile-status-bar.png and screenshot-live-confirmation.png.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { REPO_ROOT } from './common.mjs';
import { launchUi } from './ui-driver.mjs';

const WAIT = { timeout: 15_000 };
export const title = 'Add Profile, the live profile in the status bar, Switch Profile, the live-send modal';

export default async function profiles({ vsix, log }) {
  const { startEmulator } = createRequire(import.meta.url)(path.join(REPO_ROOT, 'dist', 'idenfy-core.js'));
  const dev = await startEmulator();
  const production = await startEmulator();
  const ui = await launchUi({ vsix, name: 'ui-profiles' });
  const page = ui.page;
  const widget = page.locator('.quick-input-widget');
  /** Waits for step `n` of Add Profile, then types `text` and presses Enter. */
  const answer = async (n, text) => {
    await widget.locator('.quick-input-title', { hasText: `(${n}/6)` }).waitFor(WAIT);
    const input = await ui.quickInput();
    await input.fill(text);
    await ui.press('Enter');
  };
  const addProfile = async (name, emulator, live) => {
    await ui.runCommand('iDenfy: Add Profile');
    await answer(1, name);
    await answer(2, emulator.url);
    await answer(3, emulator.apiKey);
    await answer(4, emulator.apiSecret);
    await answer(5, '');
    await widget.locator('.quick-input-title', { hasText: '(6/6)' }).waitFor(WAIT);
    await widget
      .locator('.quick-input-list .monaco-list-row', { hasText: live ? 'production keys' : 'sandbox keys' })
      .first()
      .click();
    await ui.notifications({ hasText: `profile "${name}"`, ...WAIT });
  };
  const statusItem = page.locator('.statusbar-item', { hasText: 'iDenfy:' }).first();
  const statusText = async () => (await statusItem.textContent()).replace(/\s+/g, ' ').trim();
  try {
    await page.locator('.pane-header', { hasText: 'iDenfy Sessions' }).first().waitFor({ timeout: 30_000 });
    await addProfile('dev', dev, false);
    await page.locator('.statusbar-item', { hasText: 'iDenfy: dev' }).waitFor(WAIT);
    await addProfile('production', production, true);
    await page.locator('.statusbar-item', { hasText: 'iDenfy: production (live)' }).waitFor(WAIT);
    log(`status bar: ${await statusText()}`);

    // The status bar item opens Switch Profile: both profiles and the local emulator.
    await ui.openFile('good.idenfy.json');
    // The "added" toasts would cover the pictures.
    await ui.runCommand('Notifications: Clear All Notifications');
    await page
      .locator('.notifications-toasts .notification-toast')
      .first()
      .waitFor({ state: 'hidden', ...WAIT });
    await statusItem.click();
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Local emulator' }).first().waitFor(WAIT);
    const listed = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    log(`Switch Profile lists: ${listed.join(' | ')}`);
    for (const name of ['dev', 'production', 'Local emulator'])
      assert.ok(
        listed.some((t) => t.includes(name)),
        `${name} missing from ${listed.join(' | ')}`,
      );
    log(`screenshot: ${await ui.readmeScreenshot('screenshot-profile-status-bar.png')}`);
    await ui.press('Escape');

    // Create Session with the live profile: the modal names profile, clientId and the bill.
    await ui.runCommand('iDenfy: Create Session');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor(WAIT);
    // biome-ignore lint/performance/useDomNodeTextContent: innerText gives the rendered words.
    const words = (await dialog.innerText()).replace(/\s+/g, ' ');
    log(`modal: ${words}`);
    assert.match(words, /billable/);
    assert.match(words, /"user-42"/);
    assert.match(words, /LIVE profile "production"/);
    log(`screenshot: ${await ui.readmeScreenshot('screenshot-live-confirmation.png')}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });

    // Switch to dev from the status bar and send: it reaches dev; production never received anything.
    await statusItem.click();
    await rows
      .filter({ hasText: /^\s*dev/ })
      .first()
      .click();
    await page.locator('.statusbar-item', { hasText: 'iDenfy: dev' }).waitFor(WAIT);
    await ui.runCommand('iDenfy: Create Session');
    await ui.notifications({ hasText: 'session created', timeout: 30_000 });
    assert.equal(dev.requests, 1, 'dev received the POST');
    assert.equal(production.requests, 0, 'Cancel on the live modal sent a request');
    log(`sent to dev after switching; production received ${production.requests} requests`);
  } catch (err) {
    await ui.screenshot(path.join(ui.dirs.runDir, 'failure.png')).catch(() => {});
    throw err;
  } finally {
    await ui.close();
    await dev.close();
    await production.close();
  }
}
