// Drives the dashboard through its real controls on one member (publish and watch there), and opens the page on
// every member. (Across members: cross/dashboard-clicks.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openDashboard } from './browser.mjs';
import { resolveMembers, sfuUrls, uniqueRoom } from './cluster.mjs';
import { eventually } from './eventually.mjs';
import { publishAndWatchByClicks, stopEndsTheViewersTile } from './clicks.mjs';

test('clicking Publish camera and Watch on the first member shows the video, its stream and its connections', { timeout: 120_000 }, async t => {
  await publishAndWatchByClicks(t, { publishIndex: 0, watchIndex: 0, screenshotName: 'dashboard' });
});

test('when the publisher clicks Stop, the viewer on the same member loses the tile and is told why', { timeout: 90_000 }, async t => {
  await stopEndsTheViewersTile(t, { publishIndex: 0, watchIndex: 0 });
});

test('opened on each member, the page shows the same cluster', { timeout: 60_000 }, async t => {
  const context = await launchBrowser(t);
  if (!context) return;
  const members = await resolveMembers(sfuUrls());
  const expected = members.map(member => member.id).sort();

  const seen = [];
  for (const member of members) {
    const { page, errors } = await openDashboard(context, `${member.url}/?room=${uniqueRoom('same')}`);
    const cards = await eventually(async () => {
      const shown = await page.evaluate(() => window.sfuTest.members());
      if (shown.length < expected.length) throw new Error(`cards: ${JSON.stringify(shown)}`);
      return shown;
    }, { timeoutMs: 10_000, what: `member cards on ${member.id}` });
    assert.equal(await page.locator(`.member-card[data-member="${member.id}"] .member-self`).isVisible(), true,
      `${member.id}'s page marks ${member.id} as "this page"`);
    const logMembers = await page.locator('#log-member option').allInnerTexts();
    assert.ok(expected.every(id => logMembers.includes(id)), `log filter offers every member: ${logMembers}`);
    seen.push({ member: member.id, cards: cards.map(card => `${card.id}:${card.category}`) });
    assert.deepEqual(errors, [], `no uncaught errors on ${member.id}`);
    await page.close();
  }
  t.diagnostic(JSON.stringify(seen));
  for (const { member, cards } of seen) {
    assert.deepEqual(cards, expected.map(id => `${id}:up`), `cards on ${member}`);
  }
});
