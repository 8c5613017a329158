// UI scenario, as a person would do it: F1 > "iDenfy: Set API Credentials" typed into the two input boxes,
// open a request file, F1 > "iDenfy: Create Session", see the notification, the session panel and the Sessions
// view, and Open Verification Page from the notification and from the Sessions view, each followed to the
// browser tab it opens (through code-server's /proxy/<port>/ rewrite) and checked for the session's page.
// The "iDenfy" here is the emulator from dist/idenfy-core.js, started by this script on loopback and set
// as the user-level idenfy.apiBaseUrl. Saves the README picture screenshot-create-session.png.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { REPO_ROOT, screenshotDir } from './common.mjs';
import { launchUi } from './ui-driver.mjs';

const SCREENSHOT = 'screenshot-create-session.png';
export const title = 'Set API Credentials, Create Session, notification and Sessions view';

/**
 * The emulator's page for the session, opened in a new tab: it must be the session's page (not the
 * emulator's "No endpoint at /." answer that a lost path gives), showing its clientId and scanRef.
 */
async function assertSessionPage(tab, { scanRef, via, log, picture }) {
  const url = tab.url();
  log(`${via} opened ${url.replace(/authToken=[^&#]+/, 'authToken=…')}`);
  await tab.waitForLoadState('load');
  const body = (await tab.locator('body').textContent()) ?? '';
  // The README shows the emulator's verification page, with its outcome buttons, as a user reaches it.
  if (picture) {
    const file = path.resolve(REPO_ROOT, screenshotDir(), picture);
    await tab.screenshot({ path: file });
    log(`screenshot: ${path.relative(REPO_ROOT, file)}`);
  }
  await tab.close();
  assert.match(url, /\/api\/v2\/redirect\?authToken=/, `${via}: the path or authToken was lost: ${url}`);
  assert.ok(body.includes('Emulated verification session'), `${via}: not the session page:\n${body}`);
  assert.ok(body.includes('user-42') && body.includes(scanRef), `${via}: page lacks the session:\n${body}`);
}

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
    const scanRef = /scanRef ([0-9a-f-]{36})/.exec(text)?.[1];

    // The notification's button opens the session's page in a new browser tab.
    const openButton = toast.first().getByRole('button', { name: 'Open Verification Page' });
    await assertSessionPage(await ui.followNewTab(openButton), {
      scanRef,
      via: 'notification',
      log,
      picture: 'screenshot-verification-page.png',
    });

    // The session panel opens beside the request (the raw response is one button away in it).
    await ui.waitFor(`.tabs-container .tab[aria-label*="iDenfy: user-42 · ${scanRef.split('-')[0]}"]`, {
      timeout: 15_000,
    });

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
    log(`screenshot: ${await ui.readmeScreenshot(SCREENSHOT)}`);

    // The row's inline action opens the same page.
    await row.first().hover();
    const inline = row.first().getByRole('button', { name: 'Open Verification Page' });
    await assertSessionPage(await ui.followNewTab(inline), { scanRef, via: 'Sessions view', log });
  } catch (err) {
    await ui.screenshot(path.join(ui.dirs.runDir, 'failure.png')).catch(() => {});
    throw err;
  } finally {
    await ui.close();
    await idenfy.close();
  }
}
