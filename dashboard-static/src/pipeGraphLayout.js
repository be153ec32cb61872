// Where to draw the members and the pipes between them: pure geometry, so it can be tested without a browser.

/**
 * One edge per (home member -> piped member) pair, counting the streams piped that way.
 * @param {{node: string, pipedTo?: string[]}[]} streams as GET /api/streams lists them
 * @returns {{from: string, to: string, count: number}[]} sorted by from, then to
 */
export function pipeEdges(streams) {
  const counts = new Map();
  for (const stream of streams) {
    for (const target of new Set(stream.pipedTo ?? [])) {
      if (!stream.node || !target || target === stream.node) continue;
      const key = JSON.stringify([stream.node, target]);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([key, count]) => {
      const [from, to] = JSON.parse(key);
      return { from, to, count };
    })
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/**
 * Members on a circle (the first at the top, clockwise, in sorted order, centred in the box), and each edge as a segment between the
 * two circles' borders. Two members piping to each other get two parallel arrows, shifted apart, not one on top of
 * the other. Members that only appear in the streams (e.g. one that just left) are drawn too.
 */
export function pipeGraphLayout(memberIds, streams, { width, height, nodeRadius = 22, pairGap = 8 }) {
  const edges = pipeEdges(streams);
  const ids = [...new Set([...memberIds, ...edges.flatMap(edge => [edge.from, edge.to])])].sort();
  const centerX = width / 2;
  const centerY = height / 2;
  const orbit = ids.length > 1 ? Math.min(width, height) / 2 - nodeRadius - 4 : 0;
  const onCircle = ids.map((id, index) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / Math.max(ids.length, 1);
    return { id, x: centerX + orbit * Math.cos(angle), y: centerY + orbit * Math.sin(angle) };
  });
  // An odd number of members leaves the circle's bottom empty: centre the drawing vertically instead.
  const ys = onCircle.map(node => node.y);
  const shiftY = centerY - (Math.min(...ys) + Math.max(...ys)) / 2;
  const nodes = onCircle.map(node => ({ id: node.id, x: round(node.x), y: round(node.y + shiftY) }));
  const at = new Map(nodes.map(node => [node.id, node]));
  const paired = new Set(edges.map(edge => `${edge.from}\u0000${edge.to}`));

  return {
    nodes,
    edges: edges.map(edge => {
      const from = at.get(edge.from);
      const to = at.get(edge.to);
      const both = paired.has(`${edge.to}\u0000${edge.from}`);
      return { ...edge, ...segment(from, to, nodeRadius, both ? pairGap / 2 : 0) };
    }),
  };
}

/** The segment between two circles' borders, shifted `offset` to the right of the direction of travel. */
function segment(from, to, radius, offset) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const shiftX = -uy * offset;
  const shiftY = ux * offset;
  const x1 = from.x + ux * radius + shiftX;
  const y1 = from.y + uy * radius + shiftY;
  const x2 = to.x - ux * radius + shiftX;
  const y2 = to.y - uy * radius + shiftY;
  return {
    x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2),
    labelX: round((x1 + x2) / 2 + shiftX * 1.6), labelY: round((y1 + y2) / 2 + shiftY * 1.6),
  };
}

function round(number) {
  return Math.round(number * 10) / 10;
}
