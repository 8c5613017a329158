// UI scenario: a bad request file gets squiggles and Problems entries from the extension's JSON schema.
// Saves the README picture screenshot-validation.png (1280x800; see ui.readmeScreenshot). Run through run-ui.mjs:
//   node test/e2e/run-ui.mjs [path/to.vsix] squiggles
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { launchUi } from './ui-driver.mjs';

const FILE = 'bad.idenfy.json';
const SCREENSHOT = 'screenshot-validation.png';

export const title = 'schema validation shows squiggles and Problems';

export default async function squiggles({ vsix, log }) {
  const ui = await launchUi({ vsix, name: 'ui-squiggles', viewport: { width: 1280, height: 800 } });
  try {
    await ui.openFile(FILE);
    const squiggles = await ui.waitFor('.squiggly-warning, .squiggly-error', { timeout: 30_000 });
    log(`squiggles in the editor: ${await squiggles.count()}`);
    // bad.idenfy.json breaks nine rules; each must reach the Problems panel.
    const rows = await ui.problems({ min: 9, hasText: 'Property clientID is not allowed.' });
    log(`Problems rows:\n  ${rows.map((r) => r.replace(/\s+/g, ' ')).join('\n  ')}`);
    assert.ok(rows.length >= 9, `only ${rows.length} rows in the Problems panel`);
    assert.ok(
      rows.some((r) => r.includes('Property clientID is not allowed.')),
      'the misspelt clientID is not flagged',
    );
    const badge = await ui.page.locator('#status\\.problems').textContent();
    log(`status bar problems: ${badge.replace(/\s+/g, ' ')}`);
    await ui.press('Control+1'); // focus back on the editor: Problems stays open, its selection greys out
    await ui.page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ timeout: 10_000 });
    log(`screenshot: ${await ui.readmeScreenshot(SCREENSHOT)}`);
  } catch (err) {
    await ui.screenshot(path.join(ui.dirs.runDir, 'failure.png')).catch(() => {});
    throw err;
  } finally {
    await ui.close();
  }
}
