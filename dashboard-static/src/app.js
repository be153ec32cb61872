// The dashboard: publishers, viewers, the live log and the recovery logic, wired to one member's API;
// the cluster panels live in ClusterView.
import { SignalingClient } from './api.js';
import { AccessToken } from './accessToken.js';
import { Publisher } from './publisher.js';
import { Viewer } from './viewer.js';
import { EventStream } from './eventStream.js';
import { ClusterView } from './clusterView.js';
import { VideoGrid } from './videoGrid.js';
import { LogPanel } from './logPanel.js';
import { lineFromEvent, pageLine } from './logLines.js';
import { Notice } from './notice.js';
import { recoveryActions, republishPossible, resubscribeTarget } from './recovery.js';
import { shortId } from './format.js';

const ROOM_EVENTS = new Set(['newProducer', 'producerClosed', 'producerPaused', 'producerResumed', 'consumerClosed', 'transportClosed']);
const CLUSTER_EVENTS = new Set(['nodeUp', 'nodeDown']);
const QUIET_EVENTS = new Set(['pong']);

export class DashboardApp {
  /** @param {string} baseUrl the member whose API this page uses (normally the one that served it) */
  constructor(baseUrl, ui) {
    this.ui = ui;
    this.token = new AccessToken(localStorageOrNull());
    this.api = new SignalingClient(baseUrl, { token: () => this.token.get() });
    this.room = ui.room.value.trim() || 'demo';
    this.publishers = new Map(); // id -> { publisher, removeTile }
    this.viewers = new Map(); // id -> { viewer, removeTile, home }
    this.nextId = 1;

    this.notice = new Notice(ui.notice);
    this.log = new LogPanel({ list: ui.log, member: ui.logMember, level: ui.logLevel, count: ui.logCount });
    this.grid = new VideoGrid(ui.videos);
    this.cluster = new ClusterView(this.api, ui, {
      notice: this.notice,
      onWatch: stream => this.#run(() => this.watch({ room: this.room, producerId: stream.producerId, node: this.#watchNode() })),
      ownProducerIds: () => new Set([...this.publishers.values()].flatMap(({ publisher }) => publisher.producerIds())),
      onMembers: members => this.log.knowMembers(members.map(member => member.id)),
    });
    this.events = new EventStream(this.api, {
      onEvent: event => this.handleEvent(event),
      onStatus: (status, detail) => this.#onEventsStatus(status, detail),
    });
  }

  start() {
    const { room, publishCamera, publishScreen, stop, refreshStreams, notice, tokenForm, tokenInput } = this.ui;
    room.addEventListener('change', () => this.#changeRoom(room.value.trim()));
    publishCamera.addEventListener('click', () => this.#run(() => this.publish({ kind: 'camera', node: this.#publishNode() })));
    publishScreen.addEventListener('click', () => this.#run(() => this.publish({ kind: 'screen', node: this.#publishNode() })));
    stop.addEventListener('click', () => this.#run(() => this.stopPublishing()));
    refreshStreams.addEventListener('click', () => this.cluster.refreshRoom());
    notice.addEventListener('click', () => this.notice.dismiss());
    tokenInput.value = this.token.get();
    this.#showTokenState();
    tokenForm.addEventListener('submit', submitted => {
      submitted.preventDefault();
      this.#changeToken(tokenInput.value);
      tokenForm.closest('details')?.removeAttribute('open');
    });

    this.#pageLog(`dashboard using the API at ${this.api.baseUrl}`);
    this.cluster.start(this.room);
    this.events.follow(null); // every room: the log shows the whole cluster; room events are picked out below
  }

  /** Publishes camera+mic ("camera"), the screen ("screen"), or one of "video"/"audio"; returns what was produced. */
  async publish({ room = this.room, node, kind = 'camera', capture = null, videoCodec = null, simulcast = false } = {}) {
    const publisher = new Publisher(this.api, {
      room, node, kind, capture, videoCodec, simulcast, onLog: (text, source) => this.#pageLog(text, source),
    });
    const stream = await publisher.start();
    const id = `publisher-${this.nextId++}`;
    const removeTile = this.grid.add({
      stream,
      local: true,
      title: `You · ${kind}`,
      labels: [`published on ${publisher.node}`, `room ${room}`],
      onClose: () => this.#run(() => this.#stopPublisher(id)),
      data: { kind, home: publisher.node, room },
    });
    this.publishers.set(id, { publisher, removeTile });
    this.ui.stop.disabled = false;
    if (room === this.room) this.cluster.refreshRoom();
    return {
      node: publisher.node,
      transportId: publisher.transport.id,
      producers: publisher.producers.map(producer => ({
        id: producer.id,
        kind: producer.kind,
        mimeType: producer.rtpParameters.codecs[0]?.mimeType,
        encodings: producer.rtpParameters.encodings.length,
      })),
    };
  }

  async stopPublishing() {
    await Promise.all([...this.publishers.keys()].map(id => this.#stopPublisher(id)));
  }

  /** Watches one producer; `node` pins the member we receive through. */
  async watch({ room = this.room, producerId, node }) {
    if (!producerId) throw new Error('watch needs a producerId');
    const viewer = new Viewer(this.api, { room, producerId, node, onLog: (text, source) => this.#pageLog(text, source) });
    const track = await viewer.start();
    if (room === this.room && !this.cluster.streams.find(producerId)) await this.cluster.refreshStreams();
    const home = (room === this.room && this.cluster.streams.find(producerId)?.node) || '?';
    const id = `viewer-${this.nextId++}`;
    const removeTile = this.grid.add({
      stream: new MediaStream([track]),
      title: `${viewer.kind} ${shortId(producerId)}`,
      labels: [`home ${home}`, `via ${viewer.node}`],
      onClose: () => this.#run(() => this.#stopViewer(id)),
      data: { kind: viewer.kind, producerId, home, via: viewer.node, room },
    });
    this.viewers.set(id, { viewer, removeTile, home });
    return { consumerId: viewer.consumer.id, producerId, kind: viewer.kind, node: viewer.node, home };
  }

  /** Inbound RTP stats of every consumer this page holds. */
  viewerStats() {
    return Promise.all([...this.viewers.values()].map(({ viewer }) => viewer.stats()));
  }

  /** One event from /ws (or injected by the test hook): logged, and acted upon. */
  handleEvent(event) {
    if (!event || typeof event !== 'object') return;
    if (!QUIET_EVENTS.has(event.type)) this.log.add(lineFromEvent(event));
    if (ROOM_EVENTS.has(event.type) && event.room === this.room) this.cluster.refreshRoom();
    if (CLUSTER_EVENTS.has(event.type)) this.#onMemberChange(event);
    this.#recover(recoveryActions(event, this.#watchedAndPublished()));
  }

  #onMemberChange(event) {
    if (event.type === 'nodeDown') {
      this.notice.error(`Member ${event.node} is down${event.status ? ` (${event.status})` : ''}.`, 'cluster');
    } else {
      this.notice.clear('cluster');
    }
    this.cluster.refreshMembers();
    this.cluster.refreshRoom();
  }

  #watchedAndPublished() {
    return {
      viewers: [...this.viewers].map(([id, { viewer, home }]) => ({ id, producerId: viewer.producerId, node: viewer.node, home })),
      publishers: [...this.publishers].map(([id, { publisher }]) => ({ id, node: publisher.node })),
    };
  }

  #recover(actions) {
    for (const action of actions) {
      const run = {
        dropViewer: () => this.#dropViewer(action.viewerId, action.note),
        resubscribe: () => this.#resubscribe(action.viewerId, action.downNode),
        republish: () => this.#republish(action.publisherId, action.downNode),
      }[action.action];
      run().catch(error => this.#pageLog(`recovery (${action.action}) failed: ${error.message}`, 'error'));
    }
  }

  async #dropViewer(viewerId, note) {
    if (!this.viewers.has(viewerId)) return;
    await this.#stopViewer(viewerId);
    this.notice.info(note, 'recovery');
    this.#pageLog(note, 'WARN');
  }

  /** The member we watched through went down: watch the same stream through another Up member, if it still exists. */
  async #resubscribe(viewerId, downNode) {
    const entry = this.viewers.get(viewerId);
    if (!entry || entry.recovering) return;
    entry.recovering = true;
    const { room, producerId } = entry.viewer;
    const streams = await this.api.streams(room).catch(() => (room === this.room ? this.cluster.currentStreams() : []));
    const target = resubscribeTarget({ producerId, downNode, streams, members: this.cluster.members });
    await this.#stopViewer(viewerId);
    if (!target.node) {
      const note = `${downNode} went down while you watched ${shortId(producerId)} through it. ${target.gone ?? target.noMember}`;
      this.notice.info(note, 'recovery');
      this.#pageLog(note, 'WARN');
      return;
    }
    await this.watch({ room, producerId, node: target.node });
    const note = `${downNode} went down: watching ${shortId(producerId)} again through ${target.node}.`;
    this.notice.info(note, 'recovery');
    this.#pageLog(note, 'WARN');
  }

  /** The member we published on went down: publish the same capture again, placed automatically. */
  async #republish(publisherId, downNode) {
    const entry = this.publishers.get(publisherId);
    if (!entry || entry.recovering) return;
    entry.recovering = true;
    const { publisher } = entry;
    const possible = republishPossible({ downNode, members: this.cluster.members });
    const keepCapture = Boolean(possible.ok);
    await this.#stopPublisher(publisherId, { keepCapture });
    if (!possible.ok) {
      this.notice.error(possible.noMember, 'recovery');
      this.#pageLog(possible.noMember, 'ERROR');
      return;
    }
    const published = await this.publish({ room: publisher.room, kind: publisher.kind, capture: publisher.stream });
    const note = `${downNode} went down: your ${publisher.kind} is published again on ${published.node}.`;
    this.notice.info(note, 'recovery');
    this.#pageLog(note, 'WARN');
  }

  #changeRoom(room) {
    if (!room) {
      this.notice.error('Enter a room name.');
      return;
    }
    this.room = room;
    this.cluster.changeRoom(room);
    this.#pageLog(`room ${room}`);
  }

  #changeToken(value) {
    this.token.set(value);
    this.#showTokenState();
    this.#pageLog(this.token.get() ? 'access token set' : 'access token cleared');
    this.events.follow(null); // the socket carries the token in its URL: open it again
    this.cluster.refreshMembers();
    this.cluster.refreshRoom();
  }

  #showTokenState() {
    this.ui.tokenState.textContent = this.token.get() ? 'set' : 'none';
  }

  #publishNode() {
    return this.ui.publishNode.value || undefined;
  }

  #watchNode() {
    return this.ui.watchNode.value || undefined;
  }

  async #stopPublisher(id, { keepCapture = false } = {}) {
    const entry = this.publishers.get(id);
    if (!entry) return;
    this.publishers.delete(id);
    entry.removeTile();
    this.ui.stop.disabled = this.publishers.size === 0;
    await entry.publisher.stop({ keepCapture });
    this.#pageLog(`stopped publishing on ${entry.publisher.node}`);
    this.cluster.refreshRoom();
  }

  async #stopViewer(id) {
    const entry = this.viewers.get(id);
    if (!entry) return;
    this.viewers.delete(id);
    entry.removeTile();
    await entry.viewer.stop();
  }

  #onEventsStatus(status, detail) {
    if (status === 'open') {
      this.#pageLog('following the cluster\'s events');
      this.cluster.refreshMembers(); // catch up on what happened while the stream was down
      this.cluster.refreshRoom();
    } else {
      this.#pageLog(detail, 'ERROR');
    }
  }

  /** @param {'local'|'error'|string} source what Publisher/Viewer pass, or a level */
  #pageLog(text, source = 'INFO') {
    const level = source === 'error' ? 'ERROR' : source === 'local' ? 'INFO' : source;
    this.log.add(pageLine(text, level));
  }

  /** Runs a user action, turning its failure into a notice and a log line. */
  async #run(action) {
    try {
      this.notice.clear();
      return await action();
    } catch (error) {
      this.notice.error(error.message);
      this.#pageLog(error.message, 'ERROR');
      return undefined;
    }
  }
}

/** localStorage, or null where the browser refuses it (e.g. storage disabled). */
function localStorageOrNull() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
