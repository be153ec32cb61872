// Launches the machine's Chromium (never a downloaded one) with fake camera and microphone.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

/**
 * Opens a fresh browser profile for one test and closes it (and deletes the profile) when the test ends.
 * Without Chromium the test is skipped, except under CI=true where a missing browser is a failure.
 * `extraArgs` are added to the flags above (e.g. a certificate to trust).
 */
export async function launchBrowser(t, { extraArgs = [] } = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    const message = `Chromium not found at ${CHROMIUM_PATH} (install the "chromium" package or set CHROMIUM_PATH)`;
    if (process.env.CI === 'true') throw new Error(`CI=true and ${message}; the browser e2e tests cannot run`);
    t.skip(message);
    return null;
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'sfu-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: { width: 1280, height: 800 },
  });
  t.after(async () => {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  });
  return context;
}

/** Opens the dashboard at `url` and records the page's uncaught errors in the returned list. */
export async function openDashboard(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', error => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => typeof window.sfuTest === 'object');
  return { page, errors };
}
