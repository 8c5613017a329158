// UI scenario, as a person would do it: F1 > "iDenfy: Start Local Emulator", F1 > "iDenfy: Create Session",
// then from the session's row in the iDenfy Sessions view: Complete Verification (Emulator) through its
// quick picks (Deny, FACE_MISMATCH, the fraud tag FACE_IN_BLACKLIST), Check Status from the row's inline
// button (the row then says "denied"), and Show Result from the context menu (the explained result opens).
// Saves the README picture screenshot-lifecycle.png (test/e2e/.work/screenshots/ in test runs).
import assert from 'node:assert/strict';
import { launchUi } from './ui-driver.mjs';

const SCREENSHOT = 'screenshot-lifecycle.png';
const WAIT = { timeout: 15_000 };
export const title = 'Complete (emulator), Check Status and Show Result from the Sessions view';

export default async function lifecycle({ vsix, log }) {
  const ui = await launchUi({ vsix, name: 'ui-lifecycle' });
  const page = ui.page;
  /** Picks the quick-pick row whose label is `label` (typed to filter, then chosen). */
  const pick = async (label, { many = false } = {}) => {
    const input = await ui.quickInput();
    await input.fill(label);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor(WAIT);
    if (many) {
      await row
        .locator('.quick-input-list-checkbox, input[type="checkbox"], .monaco-checkbox')
        .first()
        .click();
      await page
        .locator('.quick-input-widget .quick-input-action, .quick-input-widget .monaco-button', {
          hasText: 'OK',
        })
        .first()
        .click();
    } else await row.click();
  };
  try {
    const { scanRef } = await ui.createEmulatorSession();
    log(`created ${scanRef}`);
    await ui.press('Escape');
    const { row, pane } = await ui.sessionRow(scanRef);
    assert.match(await row.textContent(), /active/, 'a new session reads active');

    await ui.contextMenu(row, 'Complete Verification (Emulator)');
    await pick('Deny');
    await pick('FACE_MISMATCH');
    await pick('FACE_IN_BLACKLIST', { many: true });
    const done = await ui.notifications({ hasText: 'is now DENIED', ...WAIT });
    log(`completed: ${done.find((t) => t.includes('DENIED'))?.replace(/\s+/g, ' ')}`);
    // Completing is the emulator's doing; the row changes when iDenfy (here the emulator) is asked.
    assert.match(await row.textContent(), /active/);

    await row.hover();
    await row.getByRole('button', { name: 'Check Status' }).click();
    await pane.locator('.monaco-list-row', { hasText: 'denied' }).first().waitFor(WAIT);
    const checked = await ui.notifications({ hasText: 'is DENIED', ...WAIT });
    log(`status: ${checked.find((t) => t.includes('is DENIED'))?.replace(/\s+/g, ' ')}`);
    log(`row: ${(await row.textContent()).replace(/\s+/g, ' ')}`);

    // The result alone in the editor area, as the README picture shows it.
    await ui.runCommand('View: Close All Editors');
    await ui.contextMenu(row, 'Show Result');
    await ui.waitFor('.tabs-container .tab[aria-label*="result.md"]', WAIT);
    const result = page.locator('.editor-instance .view-lines', { hasText: 'FACE_MISMATCH' }).first();
    await result.waitFor(WAIT);
    const lines = await result.textContent();
    assert.match(lines, /Verification\s+DENIED/);
    assert.match(lines, /selfie\s*does\s*not\s*match/, 'the face status is explained');
    await ui.press('Escape');
    log(`screenshot: ${await ui.readmeScreenshot(SCREENSHOT)}`);
  } catch (err) {
    await ui.screenshot(`${ui.dirs.runDir}/failure.png`).catch(() => {});
    throw err;
  } finally {
    await ui.close();
  }
}
