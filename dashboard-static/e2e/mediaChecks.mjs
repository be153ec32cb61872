// Publishing and watching through window.sfuTest, and assertions on what a page receives (window.sfuTest.stats()).
import assert from 'node:assert/strict';
import { eventually } from './eventually.mjs';

const MEDIA_TIMEOUT_MS = 20_000;

/**
 * Waits until the page decodes video frames and keeps decoding them (the count grows between two samples),
 * and its audio consumers have received packets.
 */
export async function expectMediaFlowing(page, label) {
  let firstFrames = null;
  return eventually(async () => {
    const stats = await page.evaluate(() => window.sfuTest.stats());
    const videos = stats.filter(s => s.kind === 'video');
    const audios = stats.filter(s => s.kind === 'audio');
    if (videos.length === 0 || audios.length === 0) throw new Error(`expected video and audio consumers, got ${JSON.stringify(stats)}`);
    const frames = Math.min(...videos.map(s => s.framesDecoded));
    const packets = Math.min(...audios.map(s => s.packetsReceived));
    if (frames > 0 && firstFrames === null) firstFrames = frames;
    if (!(frames > 0 && frames > firstFrames)) throw new Error(`video framesDecoded ${frames} (first seen ${firstFrames}) is not growing`);
    if (!(packets > 0)) throw new Error(`audio packetsReceived is ${packets}`);
    return stats;
  }, { timeoutMs: MEDIA_TIMEOUT_MS, what: `${label}: media flowing` });
}

/** Watches every producer of a publication; returns what each watch answered. */
export function watchAll(page, { room, producers, node }) {
  return page.evaluate(async ({ room, producers, node }) => {
    const watched = [];
    for (const { id } of producers) watched.push(await window.sfuTest.watch({ room, producerId: id, node }));
    return watched;
  }, { room, producers, node });
}

/** Publishes camera+mic on `node` (`videoCodec`, `simulcast` as window.sfuTest.publish takes them); returns what was published. */
export async function publishCamera(page, { room, node, videoCodec, simulcast }) {
  const published = await page.evaluate(options => window.sfuTest.publish(options), { room, node, kind: 'camera', videoCodec, simulcast });
  assert.equal(published.node, node, 'the send transport should be on the member we asked for');
  assert.deepEqual(published.producers.map(p => p.kind).sort(), ['audio', 'video']);
  return published;
}
