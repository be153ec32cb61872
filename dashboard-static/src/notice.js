// The banner that tells the user what went wrong (or what the page did on its own, e.g. a recovery).
// Each message has a topic: a topic that recovers (e.g. the member answers again) clears only its own message,
// and background topics never hide the outcome of something the user just did.

const USER_ACTION = 'action';

export class Notice {
  constructor(element) {
    this.element = element;
    this.topic = null;
  }

  error(message, topic = USER_ACTION) {
    this.#show(message, topic, 'error');
  }

  /** Not a failure, but worth saying: e.g. "the stream ended", "watching again through sfu2". */
  info(message, topic = USER_ACTION) {
    this.#show(message, topic, 'info');
  }

  clear(topic = USER_ACTION) {
    if (this.topic !== topic) return;
    this.element.hidden = true;
    this.element.textContent = '';
    this.topic = null;
  }

  /** The user closed the banner, whatever it said. */
  dismiss() {
    if (this.topic !== null) this.clear(this.topic);
  }

  #show(message, topic, kind) {
    if (this.topic === USER_ACTION && topic !== USER_ACTION) return;
    this.element.textContent = message;
    this.element.hidden = false;
    if (this.element.dataset) this.element.dataset.kind = kind;
    this.topic = topic;
  }
}
