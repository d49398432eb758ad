#!/usr/bin/env node
// Render extension/icons/icon.svg to the PNG sizes the stores and browsers want (16, 32, 48, 128 for Chrome;
// 48, 96 for Firefox) with
// Debian's Chromium (playwright-core, no download). The PNGs are committed; run this after editing the SVG.
//   node scripts/icons.mjs   (env: CHROMIUM=/usr/bin/chromium)

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/harness.mjs';

const icons = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'extension/icons');
const svg = readFileSync(join(icons, 'icon.svg'), 'utf8');
const { browser, cleanup } = await launchChromium();
try {
  const page = await browser.newPage();
  for (const size of [16, 32, 48, 96, 128]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: join(icons, `icon-${size}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`icons: icon-${size}.png`);
  }
} finally {
  await cleanup();
}
