// The live log of every member (events and log lines from /ws) and of this page, newest first,
// filterable by member and by level, holding the last MAX_LOG_LINES lines.
import { BoundedLines, LEVELS, THIS_PAGE, passesFilter } from './logLines.js';
import { element } from './dom.js';

export class LogPanel {
  /**
   * @param {{list: HTMLOListElement, member: HTMLSelectElement, level: HTMLSelectElement, count: HTMLElement}} elements
   */
  constructor({ list, member, level, count }) {
    this.list = list;
    this.memberFilter = member;
    this.levelFilter = level;
    this.count = count;
    this.lines = new BoundedLines();
    this.rendered = new Map(); // line -> its <li>, to drop it when the line leaves the buffer
    this.knownNodes = new Set([THIS_PAGE]);
    this.levelFilter.replaceChildren(new Option('all levels', ''),
      ...LEVELS.slice(1).map(level => new Option(`${level}+`, level)));
    this.#fillMemberFilter();
    this.memberFilter.addEventListener('change', () => this.#renderAll());
    this.levelFilter.addEventListener('change', () => this.#renderAll());
  }

  /** Members offered in the member filter even before they wrote a line. */
  knowMembers(ids) {
    const before = this.knownNodes.size;
    ids.forEach(id => this.knownNodes.add(id));
    if (this.knownNodes.size !== before) this.#fillMemberFilter();
  }

  /** @param {ReturnType<import('./logLines.js').lineFromEvent>} line */
  add(line) {
    for (const dropped of this.lines.add(line)) {
      this.rendered.get(dropped)?.remove();
      this.rendered.delete(dropped);
    }
    this.knowMembers([line.node]);
    if (passesFilter(line, this.#filter())) this.list.prepend(this.#render(line));
    this.#updateCount();
  }

  /** The lines the filters let through, oldest first (for the test hook). */
  visibleLines() {
    return this.lines.filtered(this.#filter());
  }

  #renderAll() {
    this.rendered.clear();
    this.list.replaceChildren(...this.visibleLines().reverse().map(line => this.#render(line)));
    this.#updateCount();
  }

  #render(line) {
    const item = element('li', `log-${line.source} level-${line.level.toLowerCase()}`);
    item.dataset.node = line.node;
    item.dataset.level = line.level;
    const time = element('time', '', new Date(line.timestamp).toLocaleTimeString());
    const node = element('span', 'log-node', line.node);
    const level = element('span', 'log-level', line.level);
    item.append(time, ' ', node, ' ', level, ' ');
    if (line.logger) item.append(element('span', 'log-logger', shortLogger(line.logger)), ' ');
    item.append(line.message);
    this.rendered.set(line, item);
    return item;
  }

  #filter() {
    return { node: this.memberFilter.value, minLevel: this.levelFilter.value };
  }

  #fillMemberFilter() {
    const selected = this.memberFilter.value;
    const nodes = [...this.knownNodes].sort((a, b) => (a === THIS_PAGE) - (b === THIS_PAGE) || a.localeCompare(b));
    this.memberFilter.replaceChildren(new Option('all members', ''), ...nodes.map(node => new Option(node, node)));
    this.memberFilter.value = nodes.includes(selected) ? selected : '';
  }

  #updateCount() {
    const shown = this.list.childElementCount;
    const kept = this.lines.lines.length;
    this.count.textContent = shown === kept ? `${kept} lines` : `${shown} of ${kept} lines`;
  }
}

/** "dev.sfu.cluster.media.MediaNode" -> "MediaNode": the class is enough to recognise the source. */
function shortLogger(logger) {
  return logger.startsWith('event') ? logger : logger.split('.').pop();
}
