// UI scenario, as a person sees it: the status bar names the target before any request file is opened;
// Create Session on a file with (yellow) schema problems is refused and the problems turn into errors;
// the "session created" notification has two whole buttons, "Copy…" leads to the copies and each copy is
// confirmed in the status bar; the Sessions view row tells sessions apart and opens one session panel;
// the status bar item switches to the emulator and back without disappearing.
// Each check runs even when an earlier one failed, so one run lists everything that is wrong.
// Screenshots go to test/e2e/.work/screenshots/ (ignored), never to images/.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { REPO_ROOT } from './common.mjs';
import { launchUi } from './ui-driver.mjs';

const SHOTS = 'test/e2e/.work/screenshots';
const WAIT = { timeout: 10_000 };
export const title = 'target in the status bar, blocking problems, two-button notification, copies confirmed';

export default async function editorTrust({ vsix, log }) {
  const { startEmulator } = createRequire(import.meta.url)(path.join(REPO_ROOT, 'dist', 'idenfy-core.js'));
  const idenfy = await startEmulator();
  const host = new URL(idenfy.url).host;
  const ui = await launchUi({ vsix, name: 'ui-trust', settings: { 'idenfy.apiBaseUrl': idenfy.url } });
  const page = ui.page;
  const shot = async (name) =>
    log(`screenshot: ${path.relative(REPO_ROOT, await ui.screenshot(`${SHOTS}/${name}`))}`);
  // The target item, not a transient "iDenfy: … copied" status message.
  const statusItem = () =>
    page.locator('.statusbar-item', { hasText: 'iDenfy:' }).filter({ hasNotText: 'copied' }).first();
  const statusMessage = (text) => page.locator('.statusbar-item', { hasText: text }).first().waitFor(WAIT);
  const failures = [];
  const check = async (name, fn) => {
    try {
      await fn();
      log(`ok: ${name}`);
    } catch (err) {
      failures.push(name);
      log(`FAILED: ${name}: ${String(err?.message ?? err).split('\n')[0]}`);
      await ui.screenshot(path.join(ui.dirs.runDir, `failure-${failures.length}.png`)).catch(() => {});
      await ui.press('Escape').catch(() => {});
    }
  };
  let scanRef = '';
  try {
    await ui.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ui.base });
    // The extension has activated (the workspace holds request files) once its view is listed.
    await page.locator('.pane-header', { hasText: 'iDenfy Sessions' }).first().waitFor({ timeout: 30_000 });

    await check('16b: the status bar shows the target before any request file is opened', async () => {
      await page
        .locator('.statusbar-item', { hasText: `iDenfy: ${host}` })
        .first()
        .waitFor(WAIT);
      log(`status bar at start: ${(await statusItem().textContent()).trim()}`);
    });

    await ui.openFile('bad.idenfy.json');
    await ui.waitFor('.squiggly-warning', { timeout: 30_000 });
    await ui.runCommand('iDenfy: Create Session');
    await check('12: the refusal says that the yellow problems block, and names the first', async () => {
      const texts = await ui.notifications({ hasText: 'not sent', ...WAIT });
      const refusal = texts.find((t) => t.includes('not sent')) ?? '';
      log(`refusal: ${refusal.replace(/\s+/g, ' ')}`);
      assert.match(
        refusal,
        /yellow schema warnings included; they are now marked as errors\. Line 1: "clientId" is required\./,
      );
    });
    await check('12: the problems that block sending are shown as errors', async () => {
      await ui.waitFor('.squiggly-error', WAIT);
      const rows = await ui.problems({ min: 9, hasText: 'Blocks sending' });
      const blocking = rows.filter((r) => r.includes('Blocks sending'));
      log(`Problems rows marked blocking: ${blocking.length} of ${rows.length}`);
      assert.ok(blocking.length >= 9, `only ${blocking.length} blocking rows`);
    });
    await ui.press('Control+1');
    await shot('blocking-problems.png');
    if (await page.locator('.markers-panel').isVisible()) await ui.press('Control+j'); // room for the rest
    await ui.runCommand('Notifications: Clear All Notifications');

    await ui.runCommand('iDenfy: Set API Credentials');
    const input = await ui.quickInput();
    await input.fill(idenfy.apiKey);
    await ui.press('Enter');
    await page.locator('.quick-input-widget input[type="password"]').waitFor(WAIT);
    await input.fill(idenfy.apiSecret);
    await ui.press('Enter');
    await ui.notifications({ hasText: 'credentials saved' });

    await ui.openFile('good.idenfy.json');
    await ui.runCommand('iDenfy: Create Session');
    const toast = page
      .locator('.notifications-toasts .notification-toast', { hasText: 'session created' })
      .first();
    await toast.waitFor({ timeout: 30_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered words; textContent would include the toast's <style> rules.
    scanRef = /scanRef ([0-9a-f-]{36})/.exec(await toast.innerText())?.[1] ?? '';
    await check('14: the notification has at most two buttons, none of them cut', async () => {
      const buttons = await toast
        .locator('.monaco-button')
        .evaluateAll((els) =>
          els.map((el) => ({ text: el.textContent.trim(), cut: el.scrollWidth > el.clientWidth })),
        );
      log(`notification buttons: ${JSON.stringify(buttons)}`);
      await shot('notification.png');
      assert.deepEqual(
        buttons.map((b) => b.text),
        ['Open Verification Page', 'Copy…'],
      );
      assert.deepEqual(
        buttons.filter((b) => b.cut),
        [],
      );
    });
    await check('14: Copy… offers the copies, and a copy is confirmed in the status bar', async () => {
      await toast.locator('.monaco-button', { hasText: 'Copy…' }).click(WAIT);
      const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Copy scanRef' }).first();
      await pick.waitFor(WAIT);
      const picks = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      log(`Copy… offers: ${picks.map((p) => p.trim()).join(' | ')}`);
      await shot('copy-pick.png');
      await pick.click();
      await statusMessage('scanRef copied to the clipboard');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      log(`clipboard after Copy scanRef: ${copied}`);
      assert.equal(copied, scanRef);
      await shot('copy-confirmed.png');
    });

    await page.locator('.pane-header', { hasText: 'workspace' }).first().click();
    const header = page.locator('.pane-header', { hasText: 'iDenfy Sessions' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const row = page
      .locator('.pane', { has: header })
      .locator('.monaco-list-row', { hasText: 'user-42' })
      .first();
    await row.waitFor({ timeout: 15_000 });
    await check('15: the Sessions row shows the status, the short scanRef and the expiry', async () => {
      const rowText = (await row.textContent()).replace(/\s+/g, ' ').trim();
      log(`Sessions row: ${rowText}`);
      assert.match(
        rowText,
        new RegExp(`^user-42 ?active · ${scanRef.split('-')[0]} · expires in \\d+[mhd]$`),
      );
    });
    await check('15: clicking the row twice leaves one session panel tab', async () => {
      const label = `iDenfy: user-42 · ${scanRef.split('-')[0]}`;
      const tabs = page.locator(`.tabs-container .tab[aria-label*="${label}"]`);
      await tabs.first().waitFor(WAIT);
      for (let i = 0; i < 2; i++) {
        await row.click();
        await page.locator(`.tabs-container .tab.active[aria-label*="${label}"]`).first().waitFor(WAIT);
      }
      log(`session panel tabs after two clicks on the row: ${await tabs.count()}`);
      assert.equal(await tabs.count(), 1);
    });
    await check('14: Copy authToken from the Sessions view is confirmed in the status bar', async () => {
      await row.click({ button: 'right' });
      const item = page.getByRole('menuitem', { name: 'Copy authToken' }).first();
      await item.hover(WAIT);
      await item.click(WAIT);
      await statusMessage('authToken copied to the clipboard');
      await shot('sessions-view.png');
    });

    await check('16b: the status bar item switches to the emulator and back, and stays', async () => {
      await statusItem().click(WAIT);
      // The emulator is listed as a profile-like target beside the profiles.
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'Local emulator' })
        .first()
        .click(WAIT);
      await page.locator('.statusbar-item', { hasText: 'iDenfy: emulator' }).first().waitFor(WAIT);
      await shot('status-emulator.png');
      await statusItem().click(WAIT);
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'Stop Local Emulator' })
        .first()
        .click(WAIT);
      // Set API Credentials made the first profile, "default", with the user-level base URL.
      await page.locator('.statusbar-item', { hasText: 'iDenfy: default' }).first().waitFor(WAIT);
      log(`status bar after stopping the emulator: ${(await statusItem().textContent()).trim()}`);
    });
    assert.equal(idenfy.requests, 1, 'exactly one POST reached the server');
    assert.deepEqual(failures, [], `${failures.length} check(s) failed`);
  } catch (err) {
    await ui.screenshot(path.join(ui.dirs.runDir, 'failure.png')).catch(() => {});
    throw err;
  } finally {
    await ui.close();
    await idenfy.close();
  }
}
