// The streams of the room as a table: kind, home member, pipes, viewers, and a Watch button per stream.
import { element, emptyRow, row } from './dom.js';
import { shortId } from './format.js';

const COLUMNS = 6;

export class StreamsPanel {
  /**
   * @param {HTMLTableSectionElement} tableBody
   * @param {(stream: object) => void} onWatch
   * @param {() => Set<string>} ownProducerIds producers published by this page, marked "yours"
   */
  constructor(tableBody, onWatch, ownProducerIds = () => new Set()) {
    this.tableBody = tableBody;
    this.onWatch = onWatch;
    this.ownProducerIds = ownProducerIds;
    this.streams = [];
  }

  show(streams) {
    this.streams = [...streams].sort((a, b) => String(a.node).localeCompare(String(b.node))
      || String(a.producerId).localeCompare(String(b.producerId)));
    if (this.streams.length === 0) {
      this.tableBody.replaceChildren(emptyRow(COLUMNS, 'No streams in this room yet.'));
      return;
    }
    const own = this.ownProducerIds();
    this.tableBody.replaceChildren(...this.streams.map(stream => this.#row(stream, own.has(stream.producerId))));
  }

  /** Keeps the last table (it may still be right) unless there is none, then says why there is none. */
  unavailable(reason) {
    if (this.streams.length === 0) this.tableBody.replaceChildren(emptyRow(COLUMNS, `Streams unavailable: ${reason}`));
  }

  find(producerId) {
    return this.streams.find(stream => stream.producerId === producerId);
  }

  #row(stream, own) {
    const name = element('span', 'stream-name');
    name.append(element('b', '', stream.kind ?? '?'), ' ', element('code', '', shortId(stream.producerId)));
    if (own) name.append(' ', element('span', 'badge', 'yours'));
    const watch = element('button', 'watch small', 'Watch');
    watch.type = 'button';
    watch.setAttribute('aria-label', `Watch ${stream.kind} ${shortId(stream.producerId)}`);
    watch.addEventListener('click', () => this.onWatch(stream));

    const tr = row([
      name,
      stream.node ?? '?',
      stream.pipedTo?.length ? stream.pipedTo.join(', ') : 'none',
      stream.consumers ?? 0,
      stream.paused ? 'paused' : 'live',
      watch,
    ], stream.paused ? 'paused' : '');
    tr.dataset.producerId = stream.producerId;
    tr.dataset.kind = stream.kind;
    tr.dataset.home = stream.node ?? '';
    tr.dataset.pipedTo = (stream.pipedTo ?? []).join(',');
    return tr;
  }
}
