// The banner that tells the user what went wrong. Each message has a topic: a topic that recovers
// (e.g. the member answers again) clears only its own message, and background topics never hide the
// outcome of something the user just did.

const USER_ACTION = 'action';

export class Notice {
  constructor(element) {
    this.element = element;
    this.topic = null;
  }

  error(message, topic = USER_ACTION) {
    if (this.topic === USER_ACTION && topic !== USER_ACTION) return;
    this.element.textContent = message;
    this.element.hidden = false;
    this.topic = topic;
  }

  clear(topic = USER_ACTION) {
    if (this.topic !== topic) return;
    this.element.hidden = true;
    this.element.textContent = '';
    this.topic = null;
  }
}
