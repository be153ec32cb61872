// Where the e2e tests write screenshots (git-ignored).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const OUTPUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../e2e-output');

/** Full-page screenshots of `page` at desktop and phone width, named `<name>-desktop.png` / `<name>-phone.png`. */
export async function screenshotBothWidths(page, name) {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const files = [];
  for (const [width, height, suffix] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
    await page.setViewportSize({ width, height });
    const file = path.join(OUTPUT_DIR, `${name}-${suffix}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  return files;
}
