// Real browsers publish fake camera+mic on one member and watch it on the same member, with each video codec
// the browser and the SFU share, and with simulcast. (Watching through other members: cross/media-flow.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openDashboard } from './browser.mjs';
import { resolveMembers, sfuUrls, uniqueRoom } from './cluster.mjs';
import { expectMediaFlowing, publishCamera, watchAll } from './mediaChecks.mjs';

const TEST_TIMEOUT_MS = 90_000;

/** Publishes the camera on the first member with `options`, watches it there; returns the viewer's stats. */
async function publishAndWatchOnOneMember(t, label, options = {}) {
  const context = await launchBrowser(t);
  if (!context) return null;
  const [sfu1] = await resolveMembers(sfuUrls());
  const room = uniqueRoom(label);

  const publisher = await openDashboard(context, `${sfu1.url}/?room=${room}`);
  if (options.videoCodec) {
    const offered = await publisher.page.evaluate(room => window.sfuTest.videoCodecs(room), room);
    if (!offered.some(mimeType => mimeType.toLowerCase() === options.videoCodec.toLowerCase())) {
      t.skip(`this Chromium and the SFU share no ${options.videoCodec} (shared: ${offered.join(', ')})`);
      return null;
    }
  }
  const published = await publishCamera(publisher.page, { room, node: sfu1.id, ...options });

  const viewer = await openDashboard(context, `${sfu1.url}/?room=${room}`);
  const watched = await watchAll(viewer.page, { room, producers: published.producers, node: sfu1.id });
  assert.ok(watched.every(w => w.node === sfu1.id), `consumers should be on ${sfu1.id}: ${JSON.stringify(watched)}`);

  const stats = await expectMediaFlowing(viewer.page, `viewer on ${sfu1.id}`);
  t.diagnostic(`published: ${JSON.stringify(published.producers)}`);
  t.diagnostic(`viewer stats: ${JSON.stringify(stats)}`);
  assert.deepEqual([...publisher.errors, ...viewer.errors], [], 'no uncaught errors in the pages');
  return { published, stats };
}

function videoOf(list) {
  return list.find(entry => entry.kind === 'video');
}

test('a viewer on the same member receives the published camera and microphone', { timeout: TEST_TIMEOUT_MS }, async t => {
  await publishAndWatchOnOneMember(t, 'same-member');
});

for (const videoCodec of ['video/VP9', 'video/H264']) {
  test(`a camera published as ${videoCodec} is received as ${videoCodec} on the same member`, { timeout: TEST_TIMEOUT_MS }, async t => {
    const result = await publishAndWatchOnOneMember(t, videoCodec.slice(6).toLowerCase(), { videoCodec });
    if (!result) return;
    assert.equal(videoOf(result.published.producers).mimeType.toLowerCase(), videoCodec.toLowerCase(), 'the producer\'s codec');
    assert.equal(videoOf(result.stats).mimeType?.toLowerCase(), videoCodec.toLowerCase(), 'the codec the viewer decodes');
  });
}

test('a simulcast camera (three encodings) is accepted and the viewer receives one layer', { timeout: TEST_TIMEOUT_MS }, async t => {
  const result = await publishAndWatchOnOneMember(t, 'simulcast', { simulcast: true });
  if (!result) return;
  assert.equal(videoOf(result.published.producers).encodings, 3, 'the producer has three encodings');
});
