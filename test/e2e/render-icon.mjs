#!/usr/bin/env node
// Renders images/icon.png (128x128, the Marketplace icon) from the SVG below with Debian chromium.
// Usage: node test/e2e/render-icon.mjs   (after npm run e2e:install)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchChromium, makeRunDir, REPO_ROOT } from './common.mjs';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#12262e"/>
      <stop offset="1" stop-color="#0a1418"/>
    </linearGradient>
    <linearGradient id="shield" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2dd4bf"/>
      <stop offset="1" stop-color="#0f9488"/>
    </linearGradient>
  </defs>
  <rect width="128" height="128" rx="26" fill="url(#bg)"/>
  <path d="M64 14 L102 28 V60 C102 85 86 103 64 114 C42 103 26 85 26 60 V28 Z" fill="url(#shield)"/>
  <rect x="38" y="45" width="52" height="35" rx="5" fill="#0c1b21"/>
  <circle cx="52" cy="57" r="5.5" fill="#5eead4"/>
  <path d="M43 73 C43 67.5 47 64.5 52 64.5 C57 64.5 61 67.5 61 73 Z" fill="#5eead4"/>
  <rect x="66" y="53" width="17" height="3.5" rx="1.75" fill="#5eead4"/>
  <rect x="66" y="60.5" width="13" height="3.5" rx="1.75" fill="#5eead4" opacity="0.75"/>
  <rect x="66" y="68" width="15" height="3.5" rx="1.75" fill="#5eead4" opacity="0.5"/>
</svg>`;

const out = path.join(REPO_ROOT, 'images', 'icon.png');
const context = await launchChromium(path.join(makeRunDir('icon'), 'chromium-profile'), {
  viewport: { width: 128, height: 128 },
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
} finally {
  await context.close();
}
console.log(`wrote ${path.relative(REPO_ROOT, out)} (${fs.statSync(out).size} bytes)`);
