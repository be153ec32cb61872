// The dashboard driven through its real controls: publish the camera on one member, watch it through another
// (or the same), and check what the page and the cluster panels say about it. Used by dashboard-clicks.test.mjs
// (one member) and cross/dashboard-clicks.test.mjs (across members).
import assert from 'node:assert/strict';
import path from 'node:path';
import { launchBrowser, openDashboard } from './browser.mjs';
import { resolveMembers, sfuUrls, uniqueRoom } from './cluster.mjs';
import { eventually } from './eventually.mjs';
import { OUTPUT_DIR, screenshotBothWidths } from './screenshots.mjs';

/** Clicks Publish camera with `member` chosen; waits for the local preview. */
export async function clickPublishCamera(page, member) {
  await page.locator(`#publish-node option[value="${member}"]`).waitFor({ state: 'attached' });
  await page.selectOption('#publish-node', member);
  await page.click('#publish-camera');
  await page.locator('.tile.local .label', { hasText: `published on ${member}` }).waitFor({ timeout: 15_000 });
}

/** Clicks Watch on the room's video and audio streams with `member` chosen to watch through. */
export async function clickWatchAll(page, member) {
  await page.selectOption('#watch-node', member);
  for (const kind of ['video', 'audio']) {
    await page.locator(`#streams-body tr[data-kind="${kind}"] button.watch`).first().click({ timeout: 15_000 });
  }
}

/**
 * Clicks Publish camera on member number `publishIndex` and Watch through member number `watchIndex`; checks the
 * video tile, the decoded frames, the streams table and pipe graph (across members), the connections table, and
 * saves screenshots named `screenshotName`.
 */
export async function publishAndWatchByClicks(t, { publishIndex, watchIndex, screenshotName }) {
  const context = await launchBrowser(t);
  if (!context) return;
  const members = await resolveMembers(sfuUrls());
  const publishOn = members[publishIndex];
  const watchOn = members[Math.min(watchIndex, members.length - 1)];
  const room = uniqueRoom('clicks');

  const { page, errors } = await openDashboard(context, `${publishOn.url}/?room=${room}`);
  try {
    await clickPublishCamera(page, publishOn.id);
    await clickWatchAll(page, watchOn.id);
    const watchedTile = page.locator(`.tile:not(.local)[data-kind="video"][data-via="${watchOn.id}"]`).first();
    await watchedTile.waitFor({ timeout: 15_000 });
    assert.match(await watchedTile.innerText(), new RegExp(`home ${publishOn.id}`));
    assert.match(await watchedTile.innerText(), new RegExp(`via ${watchOn.id}`));

    await eventually(async () => {
      const video = (await page.evaluate(() => window.sfuTest.stats())).find(s => s.kind === 'video');
      if (!(video?.framesDecoded > 0)) throw new Error(`framesDecoded ${video?.framesDecoded}`);
    }, { timeoutMs: 20_000, what: `video watched through ${watchOn.id}` });

    // The streams table: the video is at home on the publishing member and piped to the watching one.
    const videoRow = page.locator(`#streams-body tr[data-kind="video"][data-home="${publishOn.id}"]`);
    if (watchOn.id !== publishOn.id) {
      await eventually(async () => {
        const pipedTo = await videoRow.first().getAttribute('data-piped-to');
        if (!pipedTo?.split(',').includes(watchOn.id)) throw new Error(`piped to "${pipedTo}"`);
      }, { timeoutMs: 15_000, what: `the streams table showing the pipe ${publishOn.id} → ${watchOn.id}` });
      const arrow = page.locator(`#pipe-graph g.pipe[data-from="${publishOn.id}"][data-to="${watchOn.id}"]`);
      await arrow.waitFor({ timeout: 10_000 });
      assert.ok(Number(await arrow.locator('text').textContent()) >= 2, 'video and audio both piped');
    }
    // The connections table lists the send transport on the publishing member and the receive ones on the watching one.
    await eventually(async () => {
      const rows = await page.locator('#connections-body tr.this-room').allInnerTexts();
      const has = (member, direction) => rows.some(text => text.includes(member) && text.includes(direction));
      if (!has(publishOn.id, 'send') || !has(watchOn.id, 'recv')) throw new Error(`rows: ${JSON.stringify(rows)}`);
    }, { timeoutMs: 10_000, what: 'the connections table listing both transports' });

    assert.equal(await page.locator('#notice').isVisible(), false, 'no error notice');
    const files = await screenshotBothWidths(page, screenshotName);
    t.diagnostic(`screenshots: ${files.join(', ')}`);
    assert.deepEqual(errors, [], 'no uncaught errors in the page');
  } catch (error) {
    await page.screenshot({ path: path.join(OUTPUT_DIR, `${screenshotName}-failure.png`), fullPage: true }).catch(() => {});
    throw error;
  }
}

/** The publisher (member `publishIndex`) clicks Stop; the viewer (through member `watchIndex`) loses the tile. */
export async function stopEndsTheViewersTile(t, { publishIndex, watchIndex }) {
  const context = await launchBrowser(t);
  if (!context) return;
  const members = await resolveMembers(sfuUrls());
  const [publishOn, watchOn] = [members[publishIndex], members[Math.min(watchIndex, members.length - 1)]];
  const room = uniqueRoom('stop');

  const publisher = await openDashboard(context, `${publishOn.url}/?room=${room}`);
  await clickPublishCamera(publisher.page, publishOn.id);
  const viewer = await openDashboard(context, `${watchOn.url}/?room=${room}`);
  await clickWatchAll(viewer.page, watchOn.id);
  await viewer.page.locator('.tile:not(.local)[data-kind="video"]').waitFor({ timeout: 15_000 });

  await publisher.page.click('#stop');
  await viewer.page.locator('.tile').first().waitFor({ state: 'detached', timeout: 15_000 });
  await viewer.page.locator('#notice', { hasText: 'has ended' }).waitFor({ timeout: 5_000 });
  assert.deepEqual([...publisher.errors, ...viewer.errors], [], 'no uncaught errors in the pages');
}
