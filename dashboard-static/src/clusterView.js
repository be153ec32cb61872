// Everything the page shows about the cluster, refreshed by polling the serving member (and on events):
// member cards with graphs, the member pickers, the room's streams and pipe graph, the connections, and membership.
import { fetchManagementMembers } from './api.js';
import { MemberHistory } from './memberHistory.js';
import { MemberCards } from './memberCards.js';
import { fillMemberPicker } from './memberPicker.js';
import { memberServing } from './memberServing.js';
import { StreamsPanel } from './streamsPanel.js';
import { PipeGraphPanel } from './pipeGraphPanel.js';
import { ConnectionsPanel } from './connectionsPanel.js';
import { MembershipSource } from './membership.js';
import { MembershipPanel } from './membershipPanel.js';

const MEMBERS_REFRESH_MS = 2000;
const ROOM_REFRESH_MS = 3000; // streams (pipes appear without an event) and connections
const MEMBERSHIP_REFRESH_MS = 5000;

export class ClusterView {
  /**
   * @param {import('./api.js').SignalingClient} api
   * @param {object} ui the page's elements
   * @param {{notice: import('./notice.js').Notice, onWatch: (stream: object) => void,
   *          ownProducerIds: () => Set<string>, onMembers: (members: object[]) => void}} hooks
   */
  constructor(api, ui, { notice, onWatch, ownProducerIds, onMembers }) {
    this.api = api;
    this.ui = ui;
    this.notice = notice;
    this.onMembers = onMembers;
    this.room = null;
    this.members = [];
    this.selfNode = null;
    this.cardsShown = [];

    this.history = new MemberHistory();
    this.cards = new MemberCards(ui.memberCards, this.history);
    this.streams = new StreamsPanel(ui.streamsBody, onWatch, ownProducerIds);
    this.pipes = new PipeGraphPanel(ui.pipeGraph, ui.pipeCaption);
    this.connections = new ConnectionsPanel(ui.connectionsBody, ui.connectionsSummary);
    this.membershipSource = new MembershipSource({
      fetchProxy: () => api.clusterMembers(),
      fetchDirect: fetchManagementMembers,
    });
    this.membership = new MembershipPanel(ui.membershipBody, ui.membershipNote);
    this.inFlight = new Set(); // refreshes under way: a slow member never piles requests up
    this.again = new Set(); // refreshes asked for while one was under way: run once more after it
  }

  start(room) {
    this.room = room;
    this.refreshMembers();
    this.refreshRoom();
    this.refreshMembership();
    setInterval(() => this.#whenVisible(() => this.refreshMembers()), MEMBERS_REFRESH_MS);
    setInterval(() => this.#whenVisible(() => this.refreshRoom()), ROOM_REFRESH_MS);
    setInterval(() => this.#whenVisible(() => this.refreshMembership()), MEMBERSHIP_REFRESH_MS);
  }

  changeRoom(room) {
    this.room = room;
    this.streams.show([]);
    this.refreshRoom();
  }

  refreshMembers() {
    return this.#once('members', async () => {
      try {
        const members = await this.api.sfuNodes();
        const now = Date.now();
        this.members = members;
        this.selfNode = memberServing(members, this.api.baseUrl);
        this.history.record(members, now);
        this.cardsShown = this.cards.show(members, this.selfNode, now);
        fillMemberPicker(this.ui.publishNode, members);
        fillMemberPicker(this.ui.watchNode, members);
        this.ui.self.textContent = this.selfNode ? `member ${this.selfNode}` : this.api.baseUrl;
        this.ui.self.dataset.state = 'ok';
        this.notice.clear('members');
        this.onMembers(members);
        this.#drawPipes();
      } catch (error) {
        this.cards.unavailable(error.message);
        this.#drawPipes();
        this.ui.self.textContent = 'API unreachable';
        this.ui.self.dataset.state = 'error';
        this.notice.error(error.message, 'members');
      }
    });
  }

  /** The room's streams (and their pipes) and the cluster's connections. */
  refreshRoom() {
    return Promise.all([this.refreshStreams(), this.refreshConnections()]);
  }

  refreshStreams() {
    return this.#once('streams', async () => {
      const room = this.room;
      try {
        const streams = await this.api.streams(room);
        if (room !== this.room) return;
        this.streams.show(streams);
        this.#drawPipes();
        this.notice.clear('streams');
      } catch (error) {
        if (room === this.room) this.streams.unavailable(error.message);
        this.notice.error(error.message, 'streams');
      }
    });
  }

  refreshConnections() {
    return this.#once('connections', async () => {
      try {
        this.connections.show(await this.api.connections(), this.room);
      } catch (error) {
        this.connections.unavailable(error.message);
      }
    });
  }

  refreshMembership() {
    return this.#once('membership', async () => {
      const urls = [...this.members]
        .sort((a, b) => Number(b.id === this.selfNode) - Number(a.id === this.selfNode))
        .map(member => member.managementUrl)
        .filter(Boolean);
      this.membership.show(await this.membershipSource.read(urls));
    });
  }

  /** The room's streams as last read. */
  currentStreams() {
    return this.streams.streams;
  }

  #drawPipes() {
    this.pipes.show(this.members, this.streams.streams, this.room);
  }

  async #once(name, refresh) {
    if (this.inFlight.has(name)) {
      this.again.add(name);
      return;
    }
    this.inFlight.add(name);
    try {
      await refresh();
    } finally {
      this.inFlight.delete(name);
      if (this.again.delete(name)) this.#once(name, refresh);
    }
  }

  #whenVisible(refresh) {
    if (document.visibilityState !== 'hidden') refresh();
  }
}
