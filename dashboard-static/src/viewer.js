// Watches one producer of a room through its own receive transport.
import { deviceForRoom, receiveCapabilities } from './device.js';
import { connectThroughApi, transportOptions } from './serverTransport.js';

export class Viewer {
  /**
   * @param {import('./api.js').SignalingClient} api
   * @param {{room: string, producerId: string, node?: string, onLog?: (text: string) => void}} options
   */
  constructor(api, { room, producerId, node, onLog = () => {} }) {
    this.api = api;
    this.room = room;
    this.producerId = producerId;
    this.requestedNode = node;
    this.onLog = onLog;
    this.transport = null;
    this.consumer = null;
    this.node = null; // the member we receive through, as the server placed the transport
    this.closed = false;
  }

  /** Creates the transport and a consumer, resumes it, and returns the received track. */
  async start() {
    try {
      const device = await deviceForRoom(this.api, this.room, this.onLog);
      await this.#createTransport(device);
      const offer = await this.api.consume(this.transport.id, this.producerId, receiveCapabilities(device));
      this.consumer = await this.transport.consume({
        id: offer.id,
        producerId: offer.producerId,
        kind: offer.kind,
        rtpParameters: offer.rtpParameters,
      });
      // The server creates the consumer paused so no packet arrives before the browser is ready for it.
      await this.api.resumeConsumer(this.consumer.id);
      this.onLog(`consuming ${offer.kind} ${this.producerId} through ${this.node}`);
      return this.consumer.track;
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  get kind() {
    return this.consumer?.kind;
  }

  /** What the e2e harness reads: frames decoded (video) and packets received, from the inbound RTP stats. */
  async stats() {
    let inbound;
    const codecs = new Map();
    if (this.consumer && !this.consumer.closed) {
      (await this.consumer.getStats()).forEach(report => {
        if (report.type === 'inbound-rtp') inbound = report;
        if (report.type === 'codec') codecs.set(report.id, report.mimeType);
      });
    }
    return {
      producerId: this.producerId,
      consumerId: this.consumer?.id ?? null,
      kind: this.kind ?? null,
      node: this.node,
      mimeType: codecs.get(inbound?.codecId) ?? null,
      framesDecoded: inbound?.framesDecoded ?? 0,
      frameWidth: inbound?.frameWidth ?? 0,
      packetsReceived: inbound?.packetsReceived ?? 0,
      packetsLost: inbound?.packetsLost ?? 0,
      bytesReceived: inbound?.bytesReceived ?? 0,
      nackCount: inbound?.nackCount ?? 0,
      pliCount: inbound?.pliCount ?? 0,
    };
  }

  async stop() {
    if (this.closed) return;
    this.closed = true;
    this.consumer?.close();
    if (this.transport) {
      this.transport.close();
      await this.api.closeTransport(this.transport.id).catch(error => this.onLog(error.message));
    }
  }

  async #createTransport(device) {
    const created = await this.api.createTransport({
      room: this.room,
      direction: 'recv',
      node: this.requestedNode,
      producerId: this.producerId,
    });
    this.node = created.node;
    this.transport = device.createRecvTransport(transportOptions(created));
    connectThroughApi(this.transport, this.api, created, 'receive', (...line) => this.onLog(...line));
  }
}
