// Real browsers publish fake camera+mic on one member and watch it through the others (streams piped between
// members). Not part of `npm run e2e` yet: run with `npm run e2e:cross` once members pipe streams.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openDashboard } from '../browser.mjs';
import { resolveMembers, sfuUrls, uniqueRoom } from '../cluster.mjs';
import { expectMediaFlowing, publishCamera, watchAll } from '../mediaChecks.mjs';

const TEST_TIMEOUT_MS = 90_000;

test('viewers on two other members receive a stream published on the first', { timeout: TEST_TIMEOUT_MS }, async t => {
  const context = await launchBrowser(t);
  if (!context) return;
  const members = await resolveMembers(sfuUrls());
  assert.ok(members.length >= 3, 'SFU_URLS must name three members');
  const [sfu1, sfu2, sfu3] = members;
  const room = uniqueRoom('cross-member');

  const publisher = await openDashboard(context, `${sfu1.url}/?room=${room}`);
  const published = await publishCamera(publisher.page, { room, node: sfu1.id });

  const viewers = [];
  for (const member of [sfu2, sfu3]) {
    const viewer = await openDashboard(context, `${member.url}/?room=${room}`);
    const watched = await watchAll(viewer.page, { room, producers: published.producers, node: member.id });
    assert.ok(watched.every(w => w.node === member.id), `consumers should be on ${member.id}: ${JSON.stringify(watched)}`);
    viewers.push({ ...viewer, member });
  }

  for (const viewer of viewers) {
    const stats = await expectMediaFlowing(viewer.page, `viewer on ${viewer.member.id}`);
    t.diagnostic(`${viewer.member.id}: ${JSON.stringify(stats)}`);
  }
  const streams = await (await fetch(`${sfu1.url}/api/streams?room=${room}`)).json();
  t.diagnostic(`streams as ${sfu1.id} lists them: ${JSON.stringify(streams)}`);
  assert.deepEqual([...publisher.errors, ...viewers.flatMap(v => v.errors)], [], 'no uncaught errors in the pages');
});
