// window.sfuTest: the few calls the browser e2e harness makes instead of clicking.
// Errors propagate to the caller (unlike clicks, which turn them into notices).

export function installTestHook(app) {
  window.sfuTest = Object.freeze({
    publish: ({ room, node, kind = 'camera' } = {}) => app.publish({ room, node, kind }),
    watch: ({ room, producerId, node } = {}) => app.watch({ room, producerId, node }),
    stats: () => app.viewerStats(),
  });
}
