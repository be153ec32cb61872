// The /ws event stream (of every room, or of one), reopened with a growing delay when it drops.

const MAX_RETRY_DELAY_MS = 10_000;

export class EventStream {
  /**
   * @param {import('./api.js').SignalingClient} api
   * @param {{onEvent: (event: object) => void, onStatus: (status: 'open'|'closed', detail?: string) => void}} listener
   */
  constructor(api, listener) {
    this.api = api;
    this.listener = listener;
    this.room = null;
    this.following = false;
    this.socket = null;
    this.retryDelayMs = 500;
    this.retryTimer = null;
    this.reportedDown = false; // report a lost stream once, not at every retry
  }

  /** Follows the events of `room` (null: every room and the cluster's own events), closing the previous stream. */
  follow(room = null) {
    this.close();
    this.following = true;
    this.room = room;
    this.retryDelayMs = 500;
    this.reportedDown = false;
    this.#open();
  }

  close() {
    clearTimeout(this.retryTimer);
    this.following = false;
    this.room = null;
    if (this.socket) {
      this.socket.onclose = null;
      this.socket.close();
      this.socket = null;
    }
  }

  #open() {
    const room = this.room;
    let socket;
    try {
      socket = this.api.openEvents(room);
    } catch (error) {
      this.listener.onStatus('closed', `cannot open the event stream: ${error.message}`);
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.retryDelayMs = 500;
      this.reportedDown = false;
      this.listener.onStatus('open');
    };
    socket.onmessage = message => this.#deliver(message.data);
    socket.onclose = () => {
      if (this.socket !== socket || !this.following) return;
      if (!this.reportedDown) this.listener.onStatus('closed', 'the event stream is down; retrying in the background');
      this.reportedDown = true;
      this.retryTimer = setTimeout(() => this.#open(), this.retryDelayMs);
      this.retryDelayMs = Math.min(this.retryDelayMs * 2, MAX_RETRY_DELAY_MS);
    };
  }

  #deliver(text) {
    let event;
    try {
      event = JSON.parse(text);
    } catch {
      this.listener.onEvent({ type: 'log', data: { message: `unreadable event: ${String(text).slice(0, 120)}` } });
      return;
    }
    this.listener.onEvent(event);
  }
}

/** The event's own fields, whether the server nests them under `data` or puts them at the top level. */
export function eventDetails(event) {
  const { type, room, node, timestamp, data, ...rest } = event;
  return { ...rest, ...(data ?? {}) };
}
