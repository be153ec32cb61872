// One card per cluster member: status, load, bitrates and the last minute of them as small graphs.
import { graphCeiling, Sparkline } from './sparkline.js';
import { STATUS_TEXT, statusCategory } from './memberStatus.js';
import { formatBitrate, formatCpu } from './format.js';
import { element } from './dom.js';

const BITRATE_FLOOR = 100_000; // 100 kbit/s: an idle member's graph stays flat instead of magnifying noise
const CPU_FLOOR = 0.5; // cores

export class MemberCards {
  /**
   * @param {HTMLElement} container
   * @param {import('./memberHistory.js').MemberHistory} history
   */
  constructor(container, history) {
    this.container = container;
    this.history = history;
    this.cards = new Map(); // member id -> the card's live elements
    this.everListed = new Set();
  }

  /**
   * Shows the members as listed now; a member listed before but not any more gets a "Down" card.
   * @returns {{id: string, status: string, category: string}[]} what the cards show, in order
   */
  show(members, selfNode, now) {
    members.forEach(member => this.everListed.add(member.id));
    const listed = new Map(members.map(member => [member.id, member]));
    const shown = [...this.everListed].sort().map(id => listed.get(id) ?? { id, status: 'Down', gone: true });
    for (const member of shown) this.#card(member.id).update(member, member.id === selfNode, this.history, now);
    this.container.replaceChildren(...shown.map(member => this.cards.get(member.id).root));
    if (shown.length === 0) this.container.textContent = 'No members known yet.';
    return shown.map(member => ({ id: member.id, status: member.status, category: statusCategory(member.status) }));
  }

  /** The member list cannot be read: say why, unless cards from an earlier read are still on screen. */
  unavailable(reason) {
    if (this.cards.size === 0) this.container.textContent = `Members unavailable: ${reason}`;
  }

  #card(id) {
    if (!this.cards.has(id)) this.cards.set(id, new MemberCard(id));
    return this.cards.get(id);
  }
}

class MemberCard {
  constructor(id) {
    this.root = element('article', 'member-card');
    this.root.dataset.member = id;
    const head = element('header', 'member-head');
    this.name = element('strong', 'member-name', id);
    this.self = element('span', 'member-self', 'this page');
    this.status = element('span', 'member-status');
    head.append(this.name, this.self, this.status);

    this.load = element('div', 'member-load');
    this.rates = element('div', 'member-rates');
    this.bitrateGraph = new Sparkline({ label: `${id}: bitrate in and out, last minute` });
    this.cpuGraph = new Sparkline({ label: `${id}: CPU, last minute` });
    const graphs = element('div', 'member-graphs');
    graphs.append(figure('bitrate', this.bitrateGraph.svg, [['in', 'line-in'], ['out', 'line-out']]),
      figure('cpu', this.cpuGraph.svg, [['cores', 'line-cpu']]));
    this.where = element('div', 'member-where');
    this.root.append(head, this.load, this.rates, graphs, this.where);
  }

  update(member, isSelf, history, now) {
    const category = statusCategory(member.status);
    this.root.dataset.status = category;
    this.self.hidden = !isSelf;
    this.status.textContent = STATUS_TEXT[category];
    this.status.title = member.gone ? 'no longer in the member list' : `reported status: ${member.status ?? '?'}`;

    const load = member.load ?? {};
    this.load.replaceChildren(...[
      ['transports', load.transports], ['producers', load.producers], ['consumers', load.consumers],
      ['cpu', formatCpu(load.cpu)],
    ].map(([name, value]) => stat(name, value ?? '–')));
    this.rates.replaceChildren(stat('in', `${formatBitrate(load.bitrateIn)}bit/s`), stat('out', `${formatBitrate(load.bitrateOut)}bit/s`));

    const bitrateIn = history.samples(member.id, 'bitrateIn');
    const bitrateOut = history.samples(member.id, 'bitrateOut');
    const cpu = history.samples(member.id, 'cpu');
    const span = { now, windowMs: history.windowMs };
    this.bitrateGraph.draw([{ samples: bitrateIn, className: 'line-in' }, { samples: bitrateOut, className: 'line-out' }],
      { ...span, ceiling: graphCeiling([...bitrateIn, ...bitrateOut].map(s => s.v), BITRATE_FLOOR) });
    this.cpuGraph.draw([{ samples: cpu, className: 'line-cpu' }], { ...span, ceiling: graphCeiling(cpu.map(s => s.v), CPU_FLOOR) });

    this.where.textContent = member.gone
      ? 'no longer in the member list'
      : [member.httpUrl, member.mediaAddress && `media ${member.mediaAddress}`].filter(Boolean).join(' · ');
  }
}

function figure(caption, svg, legend) {
  const box = element('figure', 'member-graph');
  const title = element('figcaption');
  title.append(caption, ...legend.map(([text, className]) => element('span', `legend ${className}`, text)));
  box.append(svg, title);
  return box;
}

function stat(name, value) {
  const item = element('span', 'stat');
  item.append(element('span', 'stat-name', name), ' ', element('b', '', String(value)));
  return item;
}
