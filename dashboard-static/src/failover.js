// Failover decisions the page makes by itself, before the cluster has downed a crashed member (pure functions).
// A member is "lost" to the page when its HTTP stopped answering (see MemberWatch); the page then stops using it
// at once instead of waiting ~25 s for the cluster's nodeDown.

/** The members this page depends on: the one its API talks to, and those its publishers and viewers use. */
export function dependedMembers({ apiMember, viewers, publishers }) {
  const ids = new Set();
  if (apiMember) ids.add(apiMember);
  viewers.forEach(viewer => { if (viewer.node) ids.add(viewer.node); if (viewer.home) ids.add(viewer.home); });
  publishers.forEach(publisher => { if (publisher.node) ids.add(publisher.node); });
  ids.delete('?');
  return [...ids];
}

/** Up members with an HTTP address that the page has not lost, least loaded first (then by id). */
export function usableMembers(members, lost) {
  return members
    .filter(member => String(member.status).toLowerCase() === 'up' && member.httpUrl && !lost.has(member.id))
    .sort((a, b) => loadOf(a) - loadOf(b) || a.id.localeCompare(b.id));
}

/** The member whose API the page should use after losing its own: the least-loaded usable one, or null. */
export function nextApiMember(members, lost) {
  return usableMembers(members, lost)[0] ?? null;
}

/**
 * The member to watch a stream through again: one that already has it (its home, then a pipe copy; neither needs
 * the cluster-wide producer directory, which may live on the lost member), else the least-loaded usable member.
 * @returns {string|null}
 */
export function watchThrough({ home, pipedTo = [], members, lost }) {
  const usable = usableMembers(members, lost);
  const byId = id => usable.find(member => member.id === id);
  if (home && byId(home)) return home;
  const piped = usable.find(member => pipedTo.includes(member.id));
  if (piped) return piped.id;
  if (home && lost.has(home)) return null; // the stream died with its home: nothing to watch
  return usable[0]?.id ?? null;
}

/**
 * The stream that replaces a lost one: same stream key and kind, another producer, at home on a member the page
 * has not lost. Null when the stream had no key or its publisher has not published again (yet).
 */
export function replacementStream({ streamKey, kind, producerId, streams, lost }) {
  if (!streamKey) return null;
  return streams.find(stream => stream.streamKey === streamKey && stream.kind === kind
    && stream.producerId !== producerId && !lost.has(stream.node)) ?? null;
}

/** A fresh stream key: the publisher's name for one captured track across the producers it creates. */
export function newStreamKey(kind, random = Math.random) {
  return `${kind}-${random().toString(36).slice(2, 10)}`;
}

function loadOf(member) {
  const load = member.load ?? {};
  return (load.transports ?? 0) + (load.consumers ?? 0) + (load.producers ?? 0);
}
