// window.sfuTest: the few calls the browser e2e harness makes instead of clicking, and what it reads back.
// Errors propagate to the caller (unlike clicks, which turn them into notices).

export function installTestHook(app) {
  window.sfuTest = Object.freeze({
    publish: ({ room, node, kind = 'camera' } = {}) => app.publish({ room, node, kind }),
    watch: ({ room, producerId, node } = {}) => app.watch({ room, producerId, node }),
    stats: () => app.viewerStats(),
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
