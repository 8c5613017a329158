// UI scenario: in a JavaScript file, typing idenfy-webhook-express offers the Express webhook receiver;
// accepting it inserts the code with the route and the port as tab stops. Saves the README picture
// screenshot-webhook-receiver-snippet.png. Run through run-ui.mjs:
//   node test/e2e/run-ui.mjs [path/to.vsix] receiver-snippet
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchUi } from './ui-driver.mjs';

const FILE = 'webhook.js';
const SCREENSHOT = 'screenshot-webhook-receiver-snippet.png';

export const title = 'the webhook receiver snippet in a JavaScript file';

export default async function receiverSnippet({ vsix, log }) {
  // A project folder holding one empty JavaScript file (launchUi copies it into the run folder).
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'idenfy-receiver-ui-'));
  fs.writeFileSync(path.join(folder, FILE), '');
  const previous = process.env.IDENFY_E2E_WORKSPACE;
  let ui;
  try {
    ui = await launchUi({ vsix, name: 'ui-receiver-snippet', workspace: folder });
  } finally {
    // launchUi leaves its workspace in the environment: the next scenario gets the default again.
    if (previous === undefined) delete process.env.IDENFY_E2E_WORKSPACE;
    else process.env.IDENFY_E2E_WORKSPACE = previous;
    fs.rmSync(folder, { recursive: true, force: true });
  }
  try {
    await ui.openFile(FILE);
    await ui.page.locator('.editor-instance .monaco-editor textarea').first().focus();
    await ui.page.keyboard.type('idenfy-webhook-ex');
    const row = ui.page.locator('.suggest-widget .monaco-list-row', { hasText: 'idenfy-webhook-express' });
    // Typing usually opens the list (quick suggestions); when the JavaScript service is still starting it
    // may not: then ask for it with Ctrl+Space, at most twice, instead of waiting longer for nothing.
    for (let attempt = 1; ; attempt++) {
      const shown = await row
        .first()
        .waitFor({ timeout: 15_000 })
        .then(() => true)
        .catch((err) => {
          if (attempt === 3) throw err;
          return false;
        });
      if (shown) break;
      await ui.press('Control+Space');
    }
    const offered = await ui.page.locator('.suggest-widget .monaco-list-row').allInnerTexts();
    log(`suggestions:\n  ${offered.map((r) => r.replace(/\s+/g, ' ')).join('\n  ')}`);
    // The snippet's preview in the details pane (Ctrl+Space toggles it open).
    if (
      !(await ui.page
        .locator('.suggest-details-container .details')
        .isVisible()
        .catch(() => false))
    ) {
      await ui.press('Control+Space');
    }
    await ui.page
      .locator('.suggest-details', { hasText: 'express.raw' })
      .first()
      .waitFor({ timeout: 10_000 });
    log(`screenshot: ${await ui.readmeScreenshot(SCREENSHOT)}`);

    await ui.press('Enter');
    // Tab stop 1 (the route) is selected: replace it, then tab stop 2 (the default port).
    await ui.page.keyboard.type('/hooks/idenfy');
    await ui.press('Tab');
    await ui.page.keyboard.type('8080');
    await ui.press('Escape');
    const lines = ui.page.locator('.editor-instance .monaco-editor .view-lines');
    await lines.filter({ hasText: "const PATH = '/hooks/idenfy';" }).first().waitFor({ timeout: 10_000 });
    const text = ((await lines.first().textContent()) ?? '').replace(/\u00a0/g, ' ');
    assert.match(text, /const PORT = Number\(process\.env\.PORT \|\| 8080\);/);
    assert.match(text, /timingSafeEqual/);
    await ui.screenshot(path.join(ui.dirs.runDir, 'receiver-inserted.png'));
    log(`inserted; run dir ${ui.dirs.runDir}`);
  } catch (err) {
    await ui.screenshot(path.join(ui.dirs.runDir, 'failure.png')).catch(() => {});
    throw err;
  } finally {
    await ui.close();
  }
}
