// UI scenario, as a person would do it: F1 > "iDenfy: Start Local Emulator", F1 > "iDenfy: Create Session";
// the session panel opens. It must show the clientId, scanRef and status; its QR code, decoded from a
// screenshot of the window (pngjs + jsQR), must be the verification link, built here from the emulator's
// address (its notification) and the authToken the panel's Copy authToken button put on the clipboard.
// Then Complete Verification (Emulator) and Check Status (pressed from the keyboard) from the panel's
// buttons update its status, and after a window reload the panel is restored with the session.
// Saves the README picture screenshot-session-panel.png (test/e2e/.work/screenshots/ in test runs).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { launchUi } from './ui-driver.mjs';

const SCREENSHOT = 'screenshot-session-panel.png';
const WAIT = { timeout: 15_000 };
export const title =
  'Session panel: renders, QR code decodes to the link, copy, actions, restored after reload';

/** Decodes the QR code visible in a PNG screenshot; undefined when none is found. */
function decodeQr(file) {
  const png = PNG.sync.read(fs.readFileSync(file));
  const code = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width,
    png.height,
  );
  return code ? { text: code.data, location: code.location } : undefined;
}

export default async function sessionPanel({ vsix, log }) {
  const ui = await launchUi({ vsix, name: 'ui-session-panel' });
  const page = ui.page;
  // The panel's page: the visible webview's inner frame (VS Code nests the content in #active-frame).
  const panel = () => page.frameLocator('iframe.webview.ready:visible').frameLocator('iframe#active-frame');
  const statusMessage = (text) => page.locator('.statusbar-item', { hasText: text }).first().waitFor(WAIT);
  try {
    await ui.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ui.base });
    const { scanRef, emulatorUrl } = await ui.createEmulatorSession();
    log(`created ${scanRef} on ${emulatorUrl}`);

    // The panel opens by itself, titled with the clientId and the short scanRef.
    const tabLabel = `iDenfy: user-42 · ${scanRef.split('-')[0]}`;
    await ui.waitFor(`.tabs-container .tab[aria-label*="${tabLabel}"]`, WAIT);
    await panel().locator('#clientId').waitFor(WAIT);
    assert.equal(await panel().locator('#clientId').textContent(), 'user-42');
    assert.equal(await panel().locator('#scanRef').textContent(), scanRef);
    assert.equal(await panel().locator('#status').textContent(), 'ACTIVE');
    assert.match(await panel().locator('#time-left').textContent(), /^(\d+d \d+h|\d+h \d+m|\d+m \d+s) left$/);
    const link = await panel().locator('#verification-link').textContent();
    log(`panel link: ${link.replace(/authToken=.*/, 'authToken=…')}`);

    // Copy authToken: confirmed in the status bar, and the clipboard holds the token.
    await panel().getByRole('button', { name: 'Copy authToken' }).click();
    await statusMessage('authToken copied to the clipboard');
    const token = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(token, /^[A-Za-z0-9]{20,}$/, 'the clipboard holds an authToken');
    const expected = `${emulatorUrl}/api/v2/redirect?authToken=${token}`;
    assert.equal(link, expected, 'the link shown is the session page with its token');

    // The README picture: the panel alone in the editor area, the Sessions view beside it.
    await ui.press('Escape');
    await page.locator('.pane-header', { hasText: 'workspace' }).first().click();
    const header = page.locator('.pane-header', { hasText: 'iDenfy Sessions' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await page.locator(`.tabs-container .tab[aria-label*="${tabLabel}"]`).first().click();
    await ui.runCommand('View: Close Editors in Other Groups');
    await page
      .locator('.tabs-container .tab', { hasText: 'good.idenfy.json' })
      .waitFor({ state: 'detached', ...WAIT });
    await panel().locator('#qr').waitFor(WAIT);
    const shot = await ui.readmeScreenshot(SCREENSHOT);
    log(`screenshot: ${shot}`);
    const qr = decodeQr(shot);
    assert.ok(qr, 'no QR code found in the screenshot');
    const side = Math.round(qr.location.topRightCorner.x - qr.location.topLeftCorner.x);
    log(
      `QR decoded from the screenshot (finder centres ${side} px apart): ${qr.text.replace(/authToken=.*/, 'authToken=…')}`,
    );
    assert.equal(qr.text, expected, 'the QR code is the verification link');

    // Complete Verification (Emulator) from the panel: its quick pick, then Approve.
    await panel().getByRole('button', { name: 'Complete Verification (Emulator)' }).click();
    const input = await ui.quickInput();
    await input.fill('Approve');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Approve' }).first().click();
    await ui.notifications({ hasText: 'is now APPROVED', ...WAIT });
    assert.equal(await panel().locator('#status').textContent(), 'ACTIVE', 'unchanged until iDenfy is asked');

    // Check Status, pressed from the keyboard: the panel shows what the emulator answered.
    await panel().getByRole('button', { name: 'Check Status' }).focus();
    await page.keyboard.press('Enter');
    await ui.notifications({ hasText: 'is APPROVED', ...WAIT });
    await panel().locator('#status', { hasText: 'APPROVED' }).waitFor(WAIT);
    const meaning = await panel().locator('#status-meaning').textContent();
    log(`status after Check Status: APPROVED, "${meaning}"`);
    assert.match(meaning, /^Verified: the document is valid/);
    // The re-rendered page gives the focus back to the button pressed.
    assert.equal(await panel().locator(':focus').getAttribute('id'), 'action-checkStatus');
    await ui.screenshot(`${ui.dirs.runDir}/approved.png`);

    // Reload the window: the panel comes back with the session, found by its saved state (the entry id)
    // or, when VS Code kept only the title, by that. VS Code in the browser writes its layout to
    // IndexedDB every few seconds and a reload does not wait for the write: reload once the panel is
    // stored (sooner, the window came back without it).
    await page.waitForFunction(storedByWorkbench, ['idenfy.sessionPanel', scanRef.split('-')[0]], {
      timeout: 30_000,
      polling: 250,
    });
    await page.reload({ waitUntil: 'domcontentloaded' });
    // (The file tree is folded, so the driver's own readiness check, which waits for its rows, does not fit.)
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await ui.waitFor(`.tabs-container .tab[aria-label*="${tabLabel}"]`, { timeout: 30_000 });
    await panel().locator('#status', { hasText: 'APPROVED' }).waitFor({ timeout: 30_000 });
    assert.equal(await panel().locator('#scanRef').textContent(), scanRef);
    await ui.screenshot(`${ui.dirs.runDir}/restored.png`);
    log('restored after reload: clientId, scanRef and APPROVED shown');
  } catch (err) {
    await ui.screenshot(`${ui.dirs.runDir}/failure.png`).catch(() => {});
    throw err;
  } finally {
    await ui.close();
  }
}

/** In the page: whether one value in the workbench's IndexedDB storage holds every one of `needles`. */
async function storedByWorkbench(needles) {
  const request = (r) =>
    new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await request(indexedDB.open(name));
    try {
      for (const store of db.objectStoreNames) {
        const values = await request(db.transaction(store).objectStore(store).getAll());
        const texts = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v ?? null)));
        if (texts.some((t) => needles.every((n) => t.includes(n)))) return true;
      }
    } finally {
      db.close();
    }
  }
  return false;
}
