// UI scenario, as a person would do it, with their own webhook handler running on 127.0.0.1 (here a
// tiny receiver in this process that checks nothing but records the calls) and the user setting
// idenfy.emulator.webhookForwardUrl pointing at it: F1 > "iDenfy: Start Local Emulator", Create
// Session, Complete Verification (Emulator) > Approve from the session's row; the emulator's delivery
// then shows under the session in the iDenfy Sessions view. Then F1 > "iDenfy: Send Webhook" on the
// fixture approved.idenfy-webhook.json, picking the forward URL the quick pick offers: the
// notification says the handler's status, time and answer.
// Saves the README picture screenshot-webhooks.png (test/e2e/.work/screenshots/ in test runs).
import assert from 'node:assert/strict';
import * as http from 'node:http';
import { launchUi } from './ui-driver.mjs';

const SCREENSHOT = 'screenshot-webhooks.png';
const WAIT = { timeout: 15_000 };
export const title = 'Emulator webhooks forwarded to a local handler, listed per session; Send Webhook';

/** A local webhook handler: answers 200 "ok: stored" and resolves waiters on each call. */
async function startReceiver() {
  const calls = [];
  const waiting = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const call = { event: req.headers['idenfy-event-type'], body: Buffer.concat(chunks) };
      calls.push(call);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok: stored\n');
      for (const w of waiting.splice(0)) w(call);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/idenfy/webhook`,
    calls,
    /** The next call received; rejects after 30 s, so a call that never comes fails the scenario. */
    next: () => {
      const call = new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('the handler received no webhook within 30 s')),
          30_000,
        );
        waiting.push((received) => {
          clearTimeout(timer);
          resolve(received);
        });
      });
      call.catch(() => {}); // awaited later; a step failing before that must not leave it unhandled
      return call;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

export default async function webhooks({ vsix, log }) {
  const receiver = await startReceiver();
  const ui = await launchUi({
    vsix,
    name: 'ui-webhooks',
    startTimeoutMs: 120_000,
    settings: { 'idenfy.emulator.webhookForwardUrl': receiver.url },
  });
  const page = ui.page;
  /** Picks the quick-pick row containing `text` (typed to filter, then chosen). */
  const pick = async (text, filter = text) => {
    const input = await ui.quickInput();
    await input.fill(filter);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
    await row.waitFor(WAIT);
    await row.click();
  };
  try {
    const { scanRef } = await ui.createEmulatorSession();
    log(`created ${scanRef}`);
    await ui.press('Escape');
    const { row, pane } = await ui.sessionRow(scanRef);

    const delivered = receiver.next();
    await ui.contextMenu(row, 'Complete Verification (Emulator)');
    await pick('Approve');
    const call = await delivered;
    const payload = JSON.parse(call.body.toString('utf8'));
    assert.equal(payload.scanRef, scanRef, 'the emulator delivered the session’s result to the forward URL');
    log(`the handler got ${call.event} for ${payload.scanRef} (${call.body.length} bytes)`);

    // A wider side bar, so the delivery rows read in full.
    const sidebar = await page.locator('.part.sidebar').first().boundingBox();
    if (sidebar) {
      const x = sidebar.x + sidebar.width;
      await page.mouse.move(x + 1, sidebar.y + 300);
      await page.mouse.down();
      await page.mouse.move(x + 230, sidebar.y + 300, { steps: 8 });
      await page.mouse.up();
    }

    // The delivery under the session: the row becomes expandable.
    const twistie = row.locator('.monaco-tl-twistie.collapsible').first();
    await twistie.waitFor(WAIT);
    if ((await row.getAttribute('aria-expanded')) !== 'true') await twistie.click();
    const deliveryRow = pane.locator('.monaco-list-row', { hasText: `200 ${call.event}` }).first();
    await deliveryRow.waitFor(WAIT);
    log(`delivery row: ${(await deliveryRow.textContent()).replace(/\s+/g, ' ')}`);

    // Send Webhook from a fixture, to the forward URL the quick pick offers (alone in the editor area).
    await ui.focusEditorArea();
    await ui.press('Control+k');
    await ui.press('w');
    await ui.openFile('approved.idenfy-webhook.json', { via: 'quickOpen' });
    await ui.runCommand('Notifications: Clear All Notifications');
    const sent = receiver.next();
    await ui.runCommand('iDenfy: Send Webhook');
    // Filtered by the whole URL: the row typed into the box and the offered one then send to the same place.
    await pick(receiver.url);
    const fixtureCall = await sent;
    assert.equal(fixtureCall.event, 'IDENTIFICATION_AUTO_FINISHED');
    const note = await ui.notifications({ hasText: 'Webhook delivered', ...WAIT });
    const text = note.find((t) => t.includes('Webhook delivered'))?.replace(/\s+/g, ' ') ?? '';
    assert.match(text, /answered 200 in \d+ ms\. Answer: ok: stored/);
    log(`notification: ${text}`);
    // The picture: the progress notification gone, the answer's notification expanded to read in full.
    await page.locator('.notification-toast', { hasText: 'sending' }).waitFor({ state: 'hidden', ...WAIT });
    const toast = page.locator('.notification-toast', { hasText: 'Webhook delivered' }).first();
    await toast.hover();
    const expand = toast.locator('.codicon-notifications-expand').first();
    if (await expand.isVisible().catch(() => false)) await expand.click();
    log(`screenshot: ${await ui.readmeScreenshot(SCREENSHOT)}`);
  } catch (err) {
    await ui.screenshot(`${ui.dirs.runDir}/failure.png`).catch(() => {});
    throw err;
  } finally {
    await ui.close();
    await receiver.close();
  }
}
