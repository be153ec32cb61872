// Drives the dashboard through its real controls across members: publish on one, watch through another.
// Not part of `npm run e2e` yet: run with `npm run e2e:cross` once members pipe streams.
import { test } from 'node:test';
import { publishAndWatchByClicks, stopEndsTheViewersTile } from '../clicks.mjs';

test('clicking Publish camera on the first member and Watch on the third shows the video, its stream and its pipe', { timeout: 120_000 }, async t => {
  await publishAndWatchByClicks(t, { publishIndex: 0, watchIndex: 2, screenshotName: 'dashboard-cross' });
});

test('when the publisher clicks Stop, the viewer on another member loses the tile and is told why', { timeout: 90_000 }, async t => {
  await stopEndsTheViewersTile(t, { publishIndex: 0, watchIndex: 1 });
});
