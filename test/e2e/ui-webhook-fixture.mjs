// UI scenario: a result-webhook fixture (*.idenfy-webhook.json) gets its own language, squiggles and
// Problems entries from the webhook schema, and completion of an enum value lists iDenfy's values
// with their meanings. Saves screenshot-webhook-fixture.png and screenshot-webhook-completion.png
// (1280x800). Run through run-ui.mjs:
//   node test/e2e/run-ui.mjs [path/to.vsix] webhook-fixture
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { launchUi } from './ui-driver.mjs';

const FILE = 'mistakes.idenfy-webhook.json';

export const title = 'a webhook fixture is validated and completed by the webhook schema';

export default async function webhookFixture({ vsix, log }) {
  const ui = await launchUi({ vsix, name: 'ui-webhook-fixture', viewport: { width: 1280, height: 800 } });
  try {
    await ui.openFile(FILE);
    const squiggles = await ui.waitFor('.squiggly-warning, .squiggly-error', { timeout: 30_000 });
    log(`squiggles in the editor: ${await squiggles.count()}`);
    // The fixture has six mistakes (five marked lines and the missing scanRef); each reaches Problems.
    // Until the JSON service has the webhook schema its comments show as errors: wait for a schema row.
    const rows = await ui.problems({ min: 6, hasText: 'Property scanref is not allowed.' });
    log(`Problems rows:\n  ${rows.map((r) => r.replace(/\s+/g, ' ')).join('\n  ')}`);
    assert.ok(
      !rows.some((r) => /Comments are not permitted|Trailing comma/.test(r)),
      "the fixture's comments or trailing comma are flagged: the schema's allowComments did not apply",
    );
    assert.ok(!rows.some((r) => r.includes('docNewField')), 'a new key inside data is flagged');
    const language = await ui.page.locator('#status\\.editor\\.mode').textContent();
    log(`status bar language: ${language?.trim()}`);
    assert.match(language ?? '', /iDenfy Webhook Payload/);
    await ui.press('Control+1');
    await ui.page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ timeout: 10_000 });
    log(`screenshot: ${await ui.readmeScreenshot('screenshot-webhook-fixture.png')}`);

    // Completion inside the wrong platform value: select "DESKTOP" (line 4) and ask for suggestions.
    await ui.press('Control+g');
    await (await ui.quickInput()).fill(':4:16');
    await ui.press('Enter');
    await ui.page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ timeout: 10_000 });
    // Ctrl+Space can arrive while the JSON server is still busy with the file and be dropped: ask again
    // (at most three times) rather than wait longer for a request that was never made.
    const suggestRows = '.editor-widget.suggest-widget .monaco-list-row';
    let suggest;
    for (let attempt = 1; !suggest; attempt++) {
      await ui.press('Control+Space');
      suggest = await ui.waitFor(suggestRows, { timeout: 10_000 }).catch((err) => {
        if (attempt === 3) throw err;
        return undefined;
      });
    }
    const labels = await ui.page.locator('.editor-widget.suggest-widget .monaco-list-row').allTextContents();
    log(`suggestions (${await suggest.count()}): ${labels.map((l) => l.replace(/\s+/g, ' ')).join(' | ')}`);
    assert.ok(
      labels.some((l) => l.includes('MOBILE_SDK')),
      'the platform values are not offered',
    );
    log(`screenshot: ${await ui.readmeScreenshot('screenshot-webhook-completion.png')}`);
  } catch (err) {
    await ui.screenshot(path.join(ui.dirs.runDir, 'failure.png')).catch(() => {});
    throw err;
  } finally {
    await ui.close();
  }
}
