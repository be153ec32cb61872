// Drives the dashboard through its real controls: publish the camera on one member, watch it through another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launchBrowser, openDashboard } from './browser.mjs';
import { resolveMembers, sfuUrls, uniqueRoom } from './cluster.mjs';
import { eventually } from './eventually.mjs';
import { OUTPUT_DIR, screenshotBothWidths } from './screenshots.mjs';

test('clicking Publish camera on the first member and Watch on the third shows the video', { timeout: 90_000 }, async t => {
  const context = await launchBrowser(t);
  if (!context) return;
  const members = await resolveMembers(sfuUrls());
  const publishOn = members[0];
  const watchOn = members[Math.min(2, members.length - 1)];
  const room = uniqueRoom('clicks');

  const { page, errors } = await openDashboard(context, `${publishOn.url}/?room=${room}`);
  try {
    await page.locator(`#member option[value="${publishOn.id}"]`).waitFor({ state: 'attached' });
    await page.selectOption('#member', publishOn.id);
    await page.click('#publish-camera');
    await page.locator('.tile.local .label', { hasText: `published on ${publishOn.id}` }).waitFor({ timeout: 15_000 });

    await page.selectOption('#member', watchOn.id);
    for (const kind of ['video', 'audio']) {
      await page.locator(`#streams li[data-kind="${kind}"] button.watch`).first().click({ timeout: 15_000 });
    }
    const watchedTile = page.locator('.tile:not(.local)', { hasText: `via ${watchOn.id}` }).filter({ hasText: 'video' });
    await watchedTile.waitFor({ timeout: 15_000 });
    assert.match(await watchedTile.innerText(), new RegExp(`home ${publishOn.id}`));

    await eventually(async () => {
      const video = (await page.evaluate(() => window.sfuTest.stats())).find(s => s.kind === 'video');
      if (!(video?.framesDecoded > 0)) throw new Error(`framesDecoded ${video?.framesDecoded}`);
    }, { timeoutMs: 20_000, what: `video watched through ${watchOn.id}` });
    assert.equal(await page.locator('#notice').isVisible(), false, 'no error notice');

    const files = await screenshotBothWidths(page, 'dashboard');
    t.diagnostic(`screenshots: ${files.join(', ')}`);
    assert.deepEqual(errors, [], 'no uncaught errors in the page');
  } catch (error) {
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'dashboard-failure.png'), fullPage: true }).catch(() => {});
    throw error;
  }
});
