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
import { recoveryActions, republishPossible } from './recovery.js';
import { shortId } from './format.js';
import { MemberWatch } from './memberWatch.js';
import { dependedMembers, nextApiMember, replacementStream, usableMembers, watchThrough } from './failover.js';

/** How long a viewer whose stream died with its member waits for the publisher to publish it again. */
const REPLACEMENT_WAIT_MS = 60_000;

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
    this.memberWatch = new MemberWatch({
      members: () => this.cluster.members,
      watched: () => dependedMembers({ apiMember: this.cluster.selfNode, ...this.#watchedAndPublished() }),
      onLost: (id, reason) => this.#memberLost(id, reason)
        .catch(error => this.#pageLog(`recovery failed: ${error.message}`, 'ERROR')),
      onBack: id => this.#memberBack(id),
    });
    this.awaitingStreams = []; // viewers whose stream died with its home: {room, kind, streamKey, producerId, since}
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
    this.memberWatch.start();
    setInterval(() => { if (this.awaitingStreams.length > 0) this.#adoptReplacements(); }, 1000);
  }

  /** Publishes camera+mic ("camera"), the screen ("screen"), or one of "video"/"audio"; returns what was produced. */
  async publish({ room = this.room, node, kind = 'camera', capture = null, videoCodec = null, simulcast = false, streamKeys = null } = {}) {
    const publisher = new Publisher(this.api, {
      room, node, kind, capture, videoCodec, simulcast, streamKeys, onLog: (text, source) => this.#pageLog(text, source),
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

  /**
   * Watches one producer; `node` pins the member we receive through. `home` and `streamKey` are known when
   * recovering (no listing to wait for then: it may wait for a member that just died).
   */
  async watch({ room = this.room, producerId, node, home: knownHome, streamKey: knownKey }) {
    if (!producerId) throw new Error('watch needs a producerId');
    const viewer = new Viewer(this.api, { room, producerId, node, onLog: (text, source) => this.#pageLog(text, source) });
    const track = await viewer.start();
    if (!knownHome && room === this.room && !this.cluster.streams.find(producerId)) await this.cluster.refreshStreams();
    const listed = room === this.room ? this.cluster.streams.find(producerId) : null;
    const home = knownHome || listed?.node || '?';
    const streamKey = knownKey ?? listed?.streamKey ?? null;
    const id = `viewer-${this.nextId++}`;
    const removeTile = this.grid.add({
      stream: new MediaStream([track]),
      title: `${viewer.kind} ${shortId(producerId)}`,
      labels: [`home ${home}`, `via ${viewer.node}`],
      onClose: () => this.#run(() => this.#stopViewer(id)),
      data: { kind: viewer.kind, producerId, home, via: viewer.node, room },
    });
    this.viewers.set(id, { viewer, removeTile, home, streamKey });
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
    if (event.type === 'nodeDown' && event.node) {
      this.#memberLost(event.node, 'the cluster reports it down')
        .catch(error => this.#pageLog(`recovery failed: ${error.message}`, 'ERROR'));
      return;
    }
    if (event.type === 'nodeUp' && event.node) this.#memberBack(event.node);
    if (event.type === 'newProducer') this.#adoptFromEvent(event);
    this.#recover(recoveryActions(event, this.#watchedAndPublished()));
  }

  /**
   * A member this page depends on died (its API stopped answering, or the cluster downed it): stop using it at
   * once. The page's API moves to another member; viewers watching through it watch again elsewhere; viewers of a
   * stream published there wait for its publisher to publish again; publishers on it publish again elsewhere.
   */
  async #memberLost(id, reason) {
    const lost = this.memberWatch.lost;
    if (this.handledLosses?.has(id)) return;
    (this.handledLosses ??= new Set()).add(id);
    lost.add(id);
    this.#pageLog(`lost ${id} (${reason}): recovering without it`, 'WARN');
    this.notice.error(`Member ${id} is not answering (${reason}).`, 'cluster');
    if (this.cluster.selfNode === id) await this.#switchApi();
    for (const [viewerId, entry] of [...this.viewers]) {
      if (entry.viewer.node === id || entry.home === id) this.#recoverViewer(viewerId, id).catch(error => this.#pageLog(`recovery (watch) failed: ${error.message}`, 'ERROR'));
    }
    for (const [publisherId, { publisher }] of [...this.publishers]) {
      if (publisher.node === id) this.#republish(publisherId, id).catch(error => this.#pageLog(`recovery (publish) failed: ${error.message}`, 'ERROR'));
    }
  }

  /** A lost member is back (it answers again, or joined the cluster again): it may be used, and lost again. */
  #memberBack(id) {
    this.memberWatch.lost.delete(id);
    if (this.handledLosses?.delete(id)) this.#pageLog(`${id} is back`);
  }

  /** The member behind the page's API is lost: talk to another member from now on. */
  async #switchApi() {
    // the cluster may still list other dead members as Up: take one that answers
    const nextId = await this.#answeringMember(() => nextApiMember(this.cluster.members, this.memberWatch.lost)?.id ?? null);
    const next = this.cluster.members.find(member => member.id === nextId);
    if (!next) {
      this.#pageLog('no other member to talk to', 'ERROR');
      return;
    }
    this.api.baseUrl = next.httpUrl.replace(/\/+$/, '');
    this.cluster.selfNode = next.id;
    this.#pageLog(`dashboard now using the API of ${next.id} at ${this.api.baseUrl}`, 'WARN');
    this.events.follow(null);
    this.cluster.refreshMembers();
  }

  /** Watches again a viewer's stream that the lost member `downNode` carried (or waits for it to be republished). */
  async #recoverViewer(viewerId, downNode) {
    const entry = this.viewers.get(viewerId);
    if (!entry || entry.recovering) return;
    entry.recovering = true;
    const { room, producerId, kind } = entry.viewer;
    const { home, streamKey } = entry;
    this.#stopViewer(viewerId).catch(() => {}); // its member is gone: do not wait for the close to fail
    const lost = this.memberWatch.lost;
    if (lost.has(home)) {
      this.awaitingStreams.push({ room, kind, streamKey, producerId, since: Date.now() });
      this.#pageLog(`${shortId(producerId)} died with ${home}; waiting for its publisher to publish it again`, 'WARN');
      await this.#adoptReplacements();
      return;
    }
    const listed = this.cluster.currentStreams().find(stream => stream.producerId === producerId);
    const node = await this.#answeringMember(() => watchThrough({ home, pipedTo: listed?.pipedTo ?? [], members: this.cluster.members, lost }));
    if (!node) throw new Error(`no member left to watch ${shortId(producerId)} through`);
    await this.watch({ room, producerId, node, home, streamKey });
    const note = `${downNode} is lost: watching ${shortId(producerId)} again through ${node}.`;
    this.notice.info(note, 'recovery');
    this.#pageLog(note, 'WARN');
  }

  /** A newProducer event naming a stream a viewer waits for: watch it straight away (no listing to wait for). */
  #adoptFromEvent(event) {
    const data = { ...event, ...(event.data ?? {}) };
    if (!data.streamKey || !data.producerId || !event.node) return;
    const stream = { producerId: data.producerId, kind: data.kind, node: event.node, pipedTo: [], streamKey: data.streamKey };
    const waiting = this.awaitingStreams.find(candidate => candidate.room === event.room
      && replacementStream({ ...candidate, streams: [stream], lost: this.memberWatch.lost }));
    if (!waiting) return;
    this.awaitingStreams = this.awaitingStreams.filter(other => other !== waiting);
    this.#watchReplacement(waiting, stream).catch(error => {
      this.awaitingStreams.push(waiting); // the listing will be tried again
      this.#pageLog(`recovery (watch ${shortId(stream.producerId)}) failed: ${error.message}`, 'ERROR');
    });
  }

  async #watchReplacement(waiting, found) {
    const lost = this.memberWatch.lost;
    const node = await this.#answeringMember(() => watchThrough({ home: found.node, pipedTo: found.pipedTo ?? [], members: this.cluster.members, lost }));
    if (!node) throw new Error(`no member left to watch ${shortId(found.producerId)} through`);
    await this.watch({ room: waiting.room, producerId: found.producerId, node, home: found.node, streamKey: found.streamKey });
    const note = `the stream ${shortId(waiting.producerId)} is published again as ${shortId(found.producerId)} on ${found.node}: watching it through ${node}.`;
    this.notice.info(note, 'recovery');
    this.#pageLog(note, 'WARN');
  }

  /** Watches the republished streams that viewers wait for (same stream key, new producer), once they are listed. */
  async #adoptReplacements() {
    if (this.adopting) return;
    this.adopting = true;
    try {
      const lost = this.memberWatch.lost;
      // one listing per room for all the streams waited for (a listing may wait for a member just killed)
      const rooms = [...new Set(this.awaitingStreams.map(waiting => waiting.room))];
      const listed = new Map(await Promise.all(rooms.map(async room => [room, await this.api.streams(room).catch(() => [])])));
      for (const waiting of [...this.awaitingStreams]) {
        const found = replacementStream({ ...waiting, streams: listed.get(waiting.room) ?? [], lost });
        if (!found) {
          if (Date.now() - waiting.since > REPLACEMENT_WAIT_MS) {
            this.awaitingStreams = this.awaitingStreams.filter(other => other !== waiting);
            this.notice.info(`The stream ${shortId(waiting.producerId)} was not published again.`, 'recovery');
          }
          continue;
        }
        if (!this.awaitingStreams.includes(waiting)) continue; // adopted from its newProducer event meanwhile
        this.awaitingStreams = this.awaitingStreams.filter(other => other !== waiting);
        await this.#watchReplacement(waiting, found).catch(error => {
          this.awaitingStreams.push(waiting);
          this.#pageLog(`recovery (watch ${shortId(found.producerId)}) failed: ${error.message}`, 'ERROR');
        });
      }
    } finally {
      this.adopting = false;
    }
  }

  /** Runs `attempt` up to three times, a second apart (a member may still be settling after a loss). */
  async #withRetries(attempt, what) {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        if (tries >= 3) throw error;
        this.#pageLog(`${what} failed (${error.message}); trying again`, 'WARN');
        await new Promise(resolve => setTimeout(resolve, 1000));
      }
    }
  }

  /** The member `choose()` names, once it answers; a member that does not answer is marked lost and another chosen. */
  async #answeringMember(choose) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const id = choose();
      if (!id) return null;
      const member = this.cluster.members.find(candidate => candidate.id === id);
      if (!member?.httpUrl || await answers(member.httpUrl)) return id;
      this.memberWatch.lost.add(id);
      this.#pageLog(`${id} does not answer either; choosing another member`, 'WARN');
    }
    return null;
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
      viewers: [...this.viewers].filter(([, entry]) => !entry.recovering)
        .map(([id, { viewer, home }]) => ({ id, producerId: viewer.producerId, node: viewer.node, home })),
      publishers: [...this.publishers].map(([id, { publisher }]) => ({ id, node: publisher.node })),
    };
  }

  #recover(actions) {
    for (const action of actions) {
      const run = {
        dropViewer: () => this.#dropViewer(action.viewerId, action.note),
        resubscribe: () => this.#recoverViewer(action.viewerId, action.downNode),
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

  /**
   * The member we published on is lost: publish the same capture again, with the same stream keys, on the
   * least-loaded member that answers (never the lost ones, which the cluster may still list as Up for a while).
   */
  async #republish(publisherId, downNode) {
    const entry = this.publishers.get(publisherId);
    if (!entry || entry.recovering) return;
    entry.recovering = true;
    const { publisher } = entry;
    const lost = this.memberWatch.lost;
    const node = await this.#answeringMember(() => usableMembers(this.cluster.members, lost)[0]?.id ?? null);
    const possible = node ? { ok: true } : republishPossible({ downNode, members: [] });
    this.#stopPublisher(publisherId, { keepCapture: Boolean(possible.ok) }).catch(() => {});
    if (!possible.ok) {
      this.notice.error(possible.noMember, 'recovery');
      this.#pageLog(possible.noMember, 'ERROR');
      return;
    }
    const published = await this.#withRetries(() => this.publish({
      room: publisher.room, kind: publisher.kind, capture: publisher.stream, node, streamKeys: publisher.streamKeys,
    }), `publish again on ${node}`);
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
      if (this.awaitingStreams.length > 0) this.#adoptReplacements(); // their newProducer may have come meanwhile
      this.cluster.refreshMembers(); // catch up on what happened while the stream was down
      this.cluster.refreshRoom();
    } else {
      this.#pageLog(detail, 'ERROR');
      this.memberWatch.probeNow(); // a socket that drops at once is often a member that died
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

/** Whether the member at `httpUrl` answers its API within two seconds. */
async function answers(httpUrl) {
  try {
    const response = await fetch(`${httpUrl.replace(/\/+$/, '')}/api/sfu-nodes`, { signal: AbortSignal.timeout(2000), cache: 'no-store' });
    return response.status < 500;
  } catch {
    return false;
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
