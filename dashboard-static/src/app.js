// The dashboard: wires the panels, the publishers and the viewers to one member's API.
import { SignalingClient } from './api.js';
import { Publisher } from './publisher.js';
import { Viewer } from './viewer.js';
import { RoomEvents, eventDetails } from './roomEvents.js';
import { MembersPanel, memberServing } from './membersPanel.js';
import { StreamsPanel, shortId } from './streamsPanel.js';
import { VideoGrid } from './videoGrid.js';
import { LogPanel } from './logPanel.js';
import { Notice } from './notice.js';

const MEMBERS_REFRESH_MS = 2000;
const STREAMS_FALLBACK_REFRESH_MS = 10_000;
const STREAM_EVENTS = new Set(['newProducer', 'producerClosed', 'producerPaused', 'producerResumed', 'nodeUp', 'nodeDown']);

export class DashboardApp {
  /** @param {string} baseUrl the member whose API this page uses (normally the one that served it) */
  constructor(baseUrl, elements) {
    this.api = new SignalingClient(baseUrl);
    this.ui = elements;
    this.selfNode = null;
    this.room = elements.room.value.trim() || 'demo';
    this.publishers = [];
    this.viewers = new Map(); // Viewer -> function removing its tile

    this.notice = new Notice(elements.notice);
    this.log = new LogPanel(elements.log);
    this.members = new MembersPanel(elements.membersBody, elements.member);
    this.streams = new StreamsPanel(elements.streams, stream => this.#run(() => this.watch({
      room: this.room, producerId: stream.producerId, node: this.#pickedNode(),
    })));
    this.grid = new VideoGrid(elements.videos);
    this.events = new RoomEvents(this.api, {
      onEvent: event => this.#onEvent(event),
      onStatus: (status, detail) => this.#onEventsStatus(status, detail),
    });
  }

  start() {
    const { room, publishCamera, publishScreen, stop, refreshStreams } = this.ui;
    room.addEventListener('change', () => this.#changeRoom(room.value.trim()));
    publishCamera.addEventListener('click', () => this.#run(() => this.publish({ room: this.room, node: this.#pickedNode(), kind: 'camera' })));
    publishScreen.addEventListener('click', () => this.#run(() => this.publish({ room: this.room, node: this.#pickedNode(), kind: 'screen' })));
    stop.addEventListener('click', () => this.#run(() => this.stopPublishing()));
    refreshStreams.addEventListener('click', () => this.refreshStreams());

    this.log.add(`dashboard using the API at ${this.api.baseUrl}`);
    this.refreshMembers();
    setInterval(() => this.refreshMembers(), MEMBERS_REFRESH_MS);
    setInterval(() => this.refreshStreams(), STREAMS_FALLBACK_REFRESH_MS);
    this.#changeRoom(this.room);
  }

  /** Publishes camera+mic ("camera"), the screen ("screen"), or one of "video"/"audio"; returns what was produced. */
  async publish({ room = this.room, node, kind = 'camera' } = {}) {
    const publisher = new Publisher(this.api, { room, node, kind, onLog: (text, source) => this.log.add(text, source) });
    const stream = await publisher.start();
    const removeTile = this.grid.add({
      stream,
      local: true,
      title: `You · ${kind}`,
      labels: [`published on ${publisher.node}`, `room ${room}`],
      onClose: () => this.#run(() => this.#stopPublisher(publisher)),
    });
    this.publishers.push({ publisher, removeTile });
    this.ui.stop.disabled = false;
    this.refreshStreams();
    return {
      node: publisher.node,
      transportId: publisher.transport.id,
      producers: publisher.producers.map(producer => ({ id: producer.id, kind: producer.kind })),
    };
  }

  async stopPublishing() {
    await Promise.all(this.publishers.map(({ publisher }) => this.#stopPublisher(publisher)));
  }

  /** Watches one producer; `node` pins the member we receive through. */
  async watch({ room = this.room, producerId, node }) {
    if (!producerId) throw new Error('watch needs a producerId');
    const viewer = new Viewer(this.api, { room, producerId, node, onLog: (text, source) => this.log.add(text, source) });
    const track = await viewer.start();
    if (!this.streams.find(producerId) && room === this.room) await this.refreshStreams();
    const home = this.streams.find(producerId)?.node ?? '?';
    const removeTile = this.grid.add({
      stream: new MediaStream([track]),
      title: `${viewer.kind} ${shortId(producerId)}`,
      labels: [`home ${home}`, `via ${viewer.node}`],
      onClose: () => this.#run(() => this.#stopViewer(viewer)),
    });
    this.viewers.set(viewer, removeTile);
    return { consumerId: viewer.consumer.id, producerId, kind: viewer.kind, node: viewer.node, home };
  }

  /** Inbound RTP stats of every consumer this page holds. */
  viewerStats() {
    return Promise.all([...this.viewers.keys()].map(viewer => viewer.stats()));
  }

  async refreshMembers() {
    try {
      const members = await this.api.sfuNodes();
      this.selfNode = memberServing(members, this.api.baseUrl);
      this.members.show(members, this.selfNode);
      this.ui.self.textContent = this.selfNode ? `member ${this.selfNode}` : this.api.baseUrl;
      this.ui.self.dataset.state = 'ok';
      this.notice.clear('members');
    } catch (error) {
      this.ui.self.textContent = 'API unreachable';
      this.ui.self.dataset.state = 'error';
      this.notice.error(error.message, 'members');
    }
  }

  async refreshStreams() {
    const room = this.room;
    try {
      const streams = await this.api.streams(room);
      if (room === this.room) this.streams.show(streams);
      this.notice.clear('streams');
    } catch (error) {
      if (room === this.room) this.streams.unavailable(error.message);
      this.notice.error(error.message, 'streams');
    }
  }

  #changeRoom(room) {
    if (!room) {
      this.notice.error('Enter a room name.');
      return;
    }
    this.room = room;
    this.streams.show([]);
    this.events.follow(room);
    this.refreshStreams();
  }

  #pickedNode() {
    return this.ui.member.value || undefined;
  }

  async #stopPublisher(publisher) {
    const entry = this.publishers.find(candidate => candidate.publisher === publisher);
    if (!entry) return;
    this.publishers = this.publishers.filter(candidate => candidate !== entry);
    entry.removeTile();
    this.ui.stop.disabled = this.publishers.length === 0;
    await publisher.stop();
    this.log.add(`stopped publishing on ${publisher.node}`);
    this.refreshStreams();
  }

  async #stopViewer(viewer) {
    this.viewers.get(viewer)?.();
    this.viewers.delete(viewer);
    await viewer.stop();
  }

  #onEvent(event) {
    const details = eventDetails(event);
    const where = [event.node, event.room].filter(Boolean).join(' · ');
    const summary = Object.entries(details).map(([key, value]) => `${key}=${formatValue(value)}`).join(' ');
    this.log.add(`${event.type}${where ? ` [${where}]` : ''} ${summary}`, 'event', event.timestamp || Date.now());

    if (STREAM_EVENTS.has(event.type)) this.refreshStreams();
    if (event.type === 'producerClosed' && details.producerId) {
      for (const viewer of this.viewers.keys()) {
        if (viewer.producerId === details.producerId) this.#stopViewer(viewer);
      }
    }
  }

  #onEventsStatus(status, detail) {
    if (status === 'open') this.log.add(`following events of room ${this.room}`);
    else this.log.add(detail, 'error');
  }

  /** Runs a user action, turning its failure into a notice and a log line. */
  async #run(action) {
    try {
      this.notice.clear();
      return await action();
    } catch (error) {
      this.notice.error(error.message);
      this.log.add(error.message, 'error');
      return undefined;
    }
  }
}

function formatValue(value) {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
