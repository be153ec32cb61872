// The picture of which member pipes to which: members as circles, one arrow per (home -> piped member) pair,
// labelled with the number of streams piped that way.
import { pipeGraphLayout } from './pipeGraphLayout.js';
import { statusCategory } from './memberStatus.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 320;
const HEIGHT = 200;
const NODE_RADIUS = 24;

export class PipeGraphPanel {
  /** @param {SVGSVGElement} svg @param {HTMLElement} caption */
  constructor(svg, caption) {
    this.svg = svg;
    this.caption = caption;
    svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  }

  /** @param {{id: string, status: string}[]} members @param {object[]} streams of the room */
  show(members, streams, room) {
    const status = new Map(members.map(member => [member.id, statusCategory(member.status)]));
    const layout = pipeGraphLayout(members.map(member => member.id), streams,
      { width: WIDTH, height: HEIGHT, nodeRadius: NODE_RADIUS });
    const homes = new Map();
    for (const stream of streams) homes.set(stream.node, (homes.get(stream.node) ?? 0) + 1);

    this.svg.replaceChildren(
      arrowMarker(),
      ...layout.edges.map(edge => this.#edge(edge)),
      ...layout.nodes.map(node => this.#node(node, status.get(node.id) ?? 'down', homes.get(node.id) ?? 0)),
    );
    this.svg.toggleAttribute('hidden', layout.nodes.length === 0); // an SVG element has no .hidden property
    this.caption.textContent = describe(layout, room);
  }

  #edge(edge) {
    const group = svgElement('g', { class: 'pipe', 'data-from': edge.from, 'data-to': edge.to });
    const title = svgElement('title');
    title.textContent = `${edge.from} → ${edge.to}: ${edge.count} stream${edge.count === 1 ? '' : 's'}`;
    group.append(
      title,
      svgElement('line', { x1: edge.x1, y1: edge.y1, x2: edge.x2, y2: edge.y2, 'marker-end': 'url(#pipe-arrow)' }),
      svgElement('circle', { cx: edge.labelX, cy: edge.labelY, r: 9, class: 'pipe-count-bg' }),
      text(edge.labelX, edge.labelY, String(edge.count), 'pipe-count'),
    );
    return group;
  }

  #node(node, category, homeStreams) {
    const group = svgElement('g', { class: `member-node status-${category}`, 'data-member': node.id });
    const title = svgElement('title');
    title.textContent = `${node.id}: home of ${homeStreams} stream${homeStreams === 1 ? '' : 's'} in this room`;
    group.append(title, svgElement('circle', { cx: node.x, cy: node.y, r: NODE_RADIUS }), text(node.x, node.y, node.id, 'member-label'));
    return group;
  }
}

function describe(layout, room) {
  if (layout.nodes.length === 0) return 'No members known yet.';
  if (layout.edges.length === 0) return `Room ${room}: no pipes; every stream is watched on its home member only (or not at all).`;
  const pipes = layout.edges.reduce((sum, edge) => sum + edge.count, 0);
  return `Room ${room}: ${pipes} pipe${pipes === 1 ? '' : 's'}; an arrow runs from a stream's home to each member it is piped to.`;
}

function arrowMarker() {
  const defs = svgElement('defs');
  const marker = svgElement('marker', {
    id: 'pipe-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
  });
  marker.append(svgElement('path', { d: 'M0,0 L10,5 L0,10 z', class: 'pipe-arrow-head' }));
  defs.append(marker);
  return defs;
}

function text(x, y, content, className) {
  const label = svgElement('text', { x, y, class: className, 'text-anchor': 'middle', 'dominant-baseline': 'central' });
  label.textContent = content;
  return label;
}

function svgElement(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}
