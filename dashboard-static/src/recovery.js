// What the page does when the cluster changes under its feet: decisions only (pure functions); the app carries
// them out. Losing a member before the cluster downs it is failover.js's part; these read the cluster's events.

/**
 * The actions one /ws event calls for.
 * @param {object} event with `type`, `node`, and `producerId` (top level or under `data`)
 * @param {{viewers: {id: string, producerId: string, node: string, home?: string}[], publishers: {id: string, node: string}[]}} page
 *   a viewer's `node` is the member it receives through, `home` the member its stream was published on
 * @returns {({action: 'dropViewer', viewerId: string, producerId: string, note: string}
 *          | {action: 'resubscribe', viewerId: string, producerId: string, downNode: string}
 *          | {action: 'republish', publisherId: string, downNode: string})[]}
 */
export function recoveryActions(event, { viewers, publishers }) {
  if (event?.type === 'producerClosed') {
    const producerId = event.producerId ?? event.data?.producerId;
    if (!producerId) return [];
    return viewers
      .filter(viewer => viewer.producerId === producerId)
      .map(viewer => ({
        action: 'dropViewer', viewerId: viewer.id, producerId,
        note: `The stream ${producerId.slice(0, 8)} has ended (its producer was closed).`,
      }));
  }
  if (event?.type === 'nodeDown' && event.node) {
    const downNode = event.node;
    return [
      // Watched through the member that went down, or published there: either way this viewer's media stopped.
      ...viewers.filter(viewer => viewer.node === downNode || viewer.home === downNode)
        .map(viewer => ({ action: 'resubscribe', viewerId: viewer.id, producerId: viewer.producerId, downNode })),
      ...publishers.filter(publisher => publisher.node === downNode)
        .map(publisher => ({ action: 'republish', publisherId: publisher.id, downNode })),
    ];
  }
  return [];
}

/**
 * Whether publishing again after `downNode` went down can succeed: some other member must be Up. The placement itself
 * is left to the cluster (automatic), which no longer offers the member that went down.
 * @returns {{ok: true} | {noMember: string}}
 */
export function republishPossible({ downNode, members }) {
  return upMembers(members, downNode).length > 0
    ? { ok: true }
    : { noMember: `No member is Up to publish on after ${downNode} went down.` };
}

function upMembers(members, downNode) {
  return members.filter(member => member.id !== downNode && String(member.status).toLowerCase() === 'up');
}
