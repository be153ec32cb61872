// The /ws event stream of one room, reopened with a growing delay when it drops.

const MAX_RETRY_DELAY_MS = 10_000;

export class RoomEvents {
  /**
   * @param {import('./api.js').SignalingClient} api
   * @param {{onEvent: (event: object) => void, onStatus: (status: 'open'|'closed', detail?: string) => void}} listener
   */
  constructor(api, listener) {
    this.api = api;
    this.listener = listener;
    this.room = null;
    this.socket = null;
    this.retryDelayMs = 500;
    this.retryTimer = null;
    this.reportedDown = false; // report a lost stream once, not at every retry
  }

  /** Follows the events of `room` from now on (closing the previous room's stream). */
  follow(room) {
    this.close();
    this.room = room;
    this.retryDelayMs = 500;
    this.reportedDown = false;
    this.#open();
  }

  close() {
    clearTimeout(this.retryTimer);
    this.room = null;
    if (this.socket) {
      this.socket.onclose = null;
      this.socket.close();
      this.socket = null;
    }
  }

  #open() {
    const room = this.room;
    const socket = this.api.openEvents(room);
    this.socket = socket;
    socket.onopen = () => {
      this.retryDelayMs = 500;
      this.reportedDown = false;
      this.listener.onStatus('open');
    };
    socket.onmessage = message => this.#deliver(message.data);
    socket.onclose = () => {
      if (this.room !== room) return;
      if (!this.reportedDown) this.listener.onStatus('closed', 'event stream of this room is down; retrying in the background');
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
