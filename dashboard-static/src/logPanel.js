// The live log: server events from /ws and what this page did, newest first.

const MAX_LINES = 300;

export class LogPanel {
  constructor(list) {
    this.list = list;
  }

  /** @param {'event'|'local'|'error'} source */
  add(text, source = 'local', timestamp = Date.now()) {
    const line = document.createElement('li');
    line.className = `log-${source}`;
    const time = document.createElement('time');
    time.textContent = new Date(timestamp).toLocaleTimeString();
    line.append(time, ' ', text);
    this.list.prepend(line);
    while (this.list.childElementCount > MAX_LINES) this.list.lastElementChild.remove();
  }
}
