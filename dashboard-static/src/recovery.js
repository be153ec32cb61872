// What the page does when the cluster changes under its feet: decisions only (pure functions); the app carries
// them out. Server-side failover comes later; these keep the page's own viewers and publishers alive meanwhile.

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
 * Where to watch a stream again after the member we watched it through went down.
 * The stream must still be listed and its home must not be the member that went down (its media is gone with it).
 * Among the other Up members, one that already has the stream (its home or a pipe) is best, then the least loaded.
 * @returns {{node: string} | {gone: string} | {noMember: string}}
 */
export function resubscribeTarget({ producerId, downNode, streams, members }) {
  const stream = streams.find(candidate => candidate.producerId === producerId);
  if (!stream) return { gone: `The stream ${producerId.slice(0, 8)} no longer exists.` };
  if (stream.node === downNode) {
    return { gone: `The stream ${producerId.slice(0, 8)} was published on ${downNode}, which went down.` };
  }
  const candidates = upMembers(members, downNode);
  if (candidates.length === 0) return { noMember: `No other member is Up to watch ${producerId.slice(0, 8)} through.` };
  const hasStream = id => id === stream.node || (stream.pipedTo ?? []).includes(id);
  candidates.sort((a, b) => Number(hasStream(b.id)) - Number(hasStream(a.id)) || loadOf(a) - loadOf(b) || a.id.localeCompare(b.id));
  return { node: candidates[0].id };
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

function loadOf(member) {
  const load = member.load ?? {};
  return (load.transports ?? 0) + (load.consumers ?? 0) + (load.producers ?? 0);
}
