// The list of a room's streams (producers), each with a Watch button.

export class StreamsPanel {
  /**
   * @param {HTMLUListElement} list
   * @param {(stream: object) => void} onWatch
   */
  constructor(list, onWatch) {
    this.list = list;
    this.onWatch = onWatch;
    this.streams = [];
  }

  show(streams) {
    this.streams = streams;
    if (streams.length === 0) {
      this.#placeholder('No streams in this room yet.');
      return;
    }
    this.list.replaceChildren(...streams.map(stream => this.#item(stream)));
  }

  /** Keeps the last list (it may still be right) unless there is none, then says why there is none. */
  unavailable(reason) {
    if (this.streams.length === 0) this.#placeholder(`Streams unavailable: ${reason}`);
  }

  #placeholder(text) {
    const item = document.createElement('li');
    item.className = 'empty';
    item.textContent = text;
    this.list.replaceChildren(item);
  }

  find(producerId) {
    return this.streams.find(stream => stream.producerId === producerId);
  }

  #item(stream) {
    const item = document.createElement('li');
    item.dataset.producerId = stream.producerId;
    item.dataset.kind = stream.kind;

    const description = document.createElement('div');
    description.className = 'stream-description';
    const title = document.createElement('strong');
    title.textContent = `${stream.kind} ${shortId(stream.producerId)}`;
    const where = document.createElement('span');
    const piped = stream.pipedTo?.length ? ` · piped to ${stream.pipedTo.join(', ')}` : '';
    where.textContent = `on ${stream.node ?? '?'}${piped}${stream.paused ? ' · paused' : ''}`;
    description.append(title, where);

    const watch = document.createElement('button');
    watch.type = 'button';
    watch.className = 'watch';
    watch.textContent = 'Watch';
    watch.addEventListener('click', () => this.onWatch(stream));

    item.append(description, watch);
    return item;
  }
}

export function shortId(id) {
  return String(id).slice(0, 8);
}
