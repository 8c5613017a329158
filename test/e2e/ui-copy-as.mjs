// UI scenario, as a new user meets it: the packaged extension offers the Getting Started walkthrough
// once at its first activation ("Open Walkthrough" opens it, six steps); then F1 > "iDenfy: Copy as
// cURL" on good.idenfy.json offers bash and PowerShell, and choosing bash confirms the copy in the
// status bar. Saves screenshot-walkthrough.png and screenshot-copy-as.png (test/e2e/.work/screenshots/).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { launchUi } from './ui-driver.mjs';

const WAIT = { timeout: 30_000 };
export const title = 'first-run walkthrough offer and walkthrough; Copy as cURL from the palette';

export default async function copyAs({ vsix, log }) {
  const ui = await launchUi({ vsix, name: 'ui-copy-as', walkthroughOffer: true, startTimeoutMs: 180_000 });
  const page = ui.page;
  try {
    // The fixture workspace holds *.idenfy.json files, so the extension activates and makes its offer.
    const toasts = await ui.notifications({ hasText: 'New to iDenfy Session Tools?', timeout: 60_000 });
    log(`offer: ${toasts.find((t) => t.includes('New to'))?.replace(/\s+/g, ' ')}`);
    const toast = page.locator('.notification-toast', { hasText: 'New to iDenfy Session Tools?' }).first();
    await toast.getByRole('button', { name: 'Open Walkthrough' }).click();
    const steps = page.locator('.getting-started-step');
    await page.getByText('Get Started with iDenfy Session Tools').first().waitFor(WAIT);
    await page.getByText('Start the local emulator').first().waitFor(WAIT);
    const count = await steps.count();
    log(`walkthrough steps: ${count}`);
    assert.equal(count, 6);
    log(`screenshot: ${await ui.readmeScreenshot('screenshot-walkthrough.png')}`);

    await ui.openFile('good.idenfy.json');
    await ui.runCommand('iDenfy: Copy as cURL');
    const input = await ui.quickInput();
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'PowerShell' }).first().waitFor(WAIT);
    const labels = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    log(`variants: ${labels.join(' | ')}`);
    assert.equal(labels.length, 2);
    log(`screenshot: ${await ui.readmeScreenshot('screenshot-copy-as.png')}`);
    await input.fill('bash');
    await rows.filter({ hasText: 'cURL (bash)' }).first().click();
    const status = page.locator('.statusbar-item', { hasText: 'copied to the clipboard' }).first();
    await status.waitFor(WAIT);
    log(`status bar: ${(await status.textContent())?.trim()}`);
  } catch (err) {
    await ui.screenshot(path.join(ui.dirs.runDir, 'failure.png')).catch(() => {});
    throw err;
  } finally {
    await ui.close();
  }
}
