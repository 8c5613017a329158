// UI scenario, as a person would do it: F1 > "iDenfy: Set API Credentials" typed into the two input boxes,
// open a request file, F1 > "iDenfy: Create Session", see the notification, the response and the Sessions
// view. The "iDenfy" here is the emulator from dist/idenfy-core.js, started by this script on loopback and
// set as the user-level idenfy.apiBaseUrl. Writes images/screenshot-create-session.png.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { REPO_ROOT } from './common.mjs';
import { launchUi } from './ui-driver.mjs';

const SCREENSHOT = 'images/screenshot-create-session.png';
export const title = 'Set API Credentials, Create Session, notification and Sessions view';

export default async function createSession({ vsix, log }) {
  const { startEmulator } = createRequire(import.meta.url)(path.join(REPO_ROOT, 'dist', 'idenfy-core.js'));
  const idenfy = await startEmulator();
  const ui = await launchUi({
    vsix,
    name: 'ui-create',
    settings: { 'idenfy.apiBaseUrl': idenfy.url },
  });
  try {
    await ui.runCommand('iDenfy: Set API Credentials');
    const input = await ui.quickInput();
    await input.fill(idenfy.apiKey);
    await ui.press('Enter');
    await ui.page.locator('.quick-input-widget input[type="password"]').waitFor({ timeout: 10_000 });
    await input.fill(idenfy.apiSecret);
    await ui.press('Enter');
    const saved = await ui.notifications({ hasText: 'credentials saved' });
    assert.ok(
      saved.some((t) => t.includes('credentials saved')),
      `no confirmation: ${saved.join(' | ')}`,
    );
    await ui.press('Escape');

    await ui.openFile('good.idenfy.json');
    await ui.runCommand('iDenfy: Create Session');
    const toast = ui.page.locator('.notifications-toasts .notification-toast', {
      hasText: 'session created',
    });
    await toast.first().waitFor({ timeout: 30_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: playwright's innerText gives the rendered words; textContent would include the toast's <style> rules.
    const text = await toast.first().innerText();
    log(`notification: ${text.replace(/\s+/g, ' ')}`);
    assert.match(text, /scanRef [0-9a-f-]{36}/);
    for (const action of ['Open Verifica', 'Copy aut', 'Copy s', 'Copy iframe']) {
      assert.ok(text.includes(action.split(' ')[0]), `action ${action} missing`);
    }
    assert.equal(idenfy.requests, 1, 'exactly one POST reached the server');

    // The response opens beside the request, read-only.
    await ui.waitFor('.tabs-container .tab[aria-label*="response.json"]', { timeout: 15_000 });

    // The Sessions view lists the new session. Folding the file tree gives the view room on screen.
    await ui.page.locator('.pane-header', { hasText: 'workspace' }).first().click();
    const header = ui.page.locator('.pane-header', { hasText: 'iDenfy Sessions' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const pane = ui.page.locator('.pane', { has: header });
    const row = pane.locator('.monaco-list-row', { hasText: 'user-42' });
    await row.first().waitFor({ timeout: 15_000 });
    await row.first().hover();
    // The row's tooltip (clientId, scanRef, dates, target) belongs in the screenshot.
    await ui.page.locator('.monaco-hover', { hasText: 'scanRef' }).first().waitFor({ timeout: 15_000 });
    await ui.screenshot(SCREENSHOT);
    log(`screenshot: ${SCREENSHOT}`);
  } catch (err) {
    await ui.screenshot(path.join(ui.dirs.runDir, 'failure.png')).catch(() => {});
    throw err;
  } finally {
    await ui.close();
    await idenfy.close();
  }
}
