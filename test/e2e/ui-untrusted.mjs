// UI scenario: a folder opened in restricted mode (workspace trust on, "No, I don't trust the authors").
// Create Session on a request that names callback / redirect hosts first shows a modal naming those hosts;
// Cancel sends nothing, Send sends exactly one request. Screenshot: test/e2e/.work/screenshots/untrusted-modal.png.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { REPO_ROOT } from './common.mjs';
import { launchUi } from './ui-driver.mjs';

const FILE = 'hosts.idenfy.json';
const REQUEST = {
  clientId: 'untrusted-1',
  callbackUrl: 'https://hooks.partner.example/idenfy',
  successUrl: 'https://shop.example/ok',
  errorUrl: 'https://shop.example/failed',
};
export const title = 'restricted mode: Create Session names the hosts and sends only on confirmation';

export default async function untrusted({ vsix, log }) {
  const { startEmulator } = createRequire(import.meta.url)(path.join(REPO_ROOT, 'dist', 'idenfy-core.js'));
  const idenfy = await startEmulator();
  const ui = await launchUi({
    vsix,
    name: 'ui-untrusted',
    workspaceTrust: true,
    settings: { 'idenfy.apiBaseUrl': idenfy.url },
  });
  const page = ui.page;
  const dialog = page.locator('.monaco-dialog-box');
  try {
    // VS Code asks at start-up; the person does not trust this folder.
    await dialog.waitFor({ timeout: 30_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: the dialog's rendered words, separated as shown.
    log(`trust prompt: ${(await dialog.innerText()).replace(/\s+/g, ' ').slice(0, 120)}`);
    await dialog.getByRole('button', { name: /No, I don't trust/ }).click();
    await page
      .locator('.statusbar-item', { hasText: 'Restricted Mode' })
      .first()
      .waitFor({ timeout: 15_000 });

    fs.writeFileSync(path.join(ui.workspace, FILE), `${JSON.stringify(REQUEST, null, 2)}\n`);
    await ui.runCommand('iDenfy: Set API Credentials');
    const input = await ui.quickInput();
    await input.fill(idenfy.apiKey);
    await ui.press('Enter');
    await page.locator('.quick-input-widget input[type="password"]').waitFor({ timeout: 10_000 });
    await input.fill(idenfy.apiSecret);
    await ui.press('Enter');
    await ui.notifications({ hasText: 'credentials saved' });

    await ui.openFile(FILE, { via: 'quickOpen' });
    await ui.runCommand('iDenfy: Create Session');
    await dialog.waitFor({ timeout: 15_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: the dialog's rendered words, separated as shown.
    const text = (await dialog.innerText()).replace(/\s+/g, ' ');
    log(`modal: ${text}`);
    for (const expected of [
      `This workspace is not trusted. Send ${FILE} to iDenfy?`,
      'hooks.partner.example (callbackUrl)',
      'shop.example (successUrl, errorUrl)',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" missing from the modal`);
    }
    const shot = await ui.screenshot('test/e2e/.work/screenshots/untrusted-modal.png');
    log(`screenshot: ${path.relative(REPO_ROOT, shot)}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(idenfy.requests, 0, 'a request was sent although the person cancelled');

    await ui.runCommand('iDenfy: Create Session');
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Send' }).click();
    await ui.notifications({ hasText: 'session created', timeout: 30_000 });
    assert.equal(idenfy.requests, 1, 'exactly one POST after confirming');
    log('Cancel sent nothing; Send sent one request');
  } catch (err) {
    await ui.screenshot(path.join(ui.dirs.runDir, 'failure.png')).catch(() => {});
    throw err;
  } finally {
    await ui.close();
    await idenfy.close();
  }
}
