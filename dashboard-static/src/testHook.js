// window.sfuTest: the few calls the browser e2e harness makes instead of clicking, and what it reads back.
// Errors propagate to the caller (unlike clicks, which turn them into notices).

import { deviceForRoom } from './device.js';

export function installTestHook(app) {
  window.sfuTest = Object.freeze({
    /** `videoCodec` ("video/VP9", "video/H264") picks the video codec; `simulcast: true` sends three encodings. */
    publish: ({ room, node, kind = 'camera', videoCodec, simulcast } = {}) => app.publish({ room, node, kind, videoCodec, simulcast }),
    /** The video MIME types a publisher of `room` can choose from (this browser's ∩ the room router's). */
    videoCodecs: async room => (await deviceForRoom(app.api, room)).rtpCapabilities.codecs
      .filter(codec => codec.kind === 'video' && codec.mimeType.toLowerCase() !== 'video/rtx')
      .map(codec => codec.mimeType),
    watch: ({ room, producerId, node } = {}) => app.watch({ room, producerId, node }),
    stats: () => app.viewerStats(),
    /** What this page publishes now: the member and the open producer ids of each publication. */
    publications: () => [...app.publishers.values()].map(({ publisher }) => ({ node: publisher.node, producerIds: publisher.producerIds() })),
    /** The video tiles: title, labels, and data (kind, producerId, home, via, room). */
    tiles: () => app.grid.describe(),
    /** The member cards as shown: [{id, status, category}]. */
    members: () => app.cluster.cardsShown,
    /** The room's streams as the table shows them. */
    streams: () => app.cluster.currentStreams(),
    /** The log lines the filters let through, oldest first. */
    logLines: () => app.log.visibleLines(),
    /** Handles an event as if /ws had delivered it (drives the recovery logic in tests). */
    deliverEvent: event => app.handleEvent(event),
  });
}
