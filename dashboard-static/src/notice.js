// The banner that tells the user what went wrong. Each message has a topic, so a topic that recovers
// (e.g. the member is reachable again) clears its own message and nobody else's.

export class Notice {
  constructor(element) {
    this.element = element;
    this.topic = null;
  }

  error(message, topic = 'action') {
    this.element.textContent = message;
    this.element.hidden = false;
    this.topic = topic;
  }

  clear(topic = 'action') {
    if (this.topic !== topic) return;
    this.element.hidden = true;
    this.element.textContent = '';
    this.topic = null;
  }
}
