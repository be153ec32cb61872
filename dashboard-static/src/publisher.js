// Publishes local media (camera + microphone, or the screen) into a room through one send transport.
import { deviceForRoom } from './device.js';
import { connectThroughApi, transportOptions } from './serverTransport.js';
import { newStreamKey } from './failover.js';

/** What the browser should capture for each kind of publication. */
const CAPTURE = {
  camera: { video: true, audio: true },
  video: { video: true, audio: false },
  audio: { video: false, audio: true },
  screen: { video: true, audio: false, display: true },
};

export class Publisher {
  /**
   * @param {import('./api.js').SignalingClient} api
   * @param {{room: string, node?: string, kind?: keyof CAPTURE, onLog?: (text: string) => void,
   *          capture?: MediaStream, videoCodec?: string, simulcast?: boolean}} options `capture` re-uses media
   *   already captured (publishing again elsewhere); `videoCodec` (e.g. "video/VP9") picks the video codec among
   *   the device's; `simulcast` sends the video as three encodings (quarter, half and full resolution);
   *   `streamKeys` ({video, audio}) names each track's stream across publications (kept when publishing again
   *   elsewhere, so viewers find the new producer); new keys when absent
   */
  constructor(api, { room, node, kind = 'camera', onLog = () => {}, capture = null, videoCodec = null, simulcast = false, streamKeys = null }) {
    if (!CAPTURE[kind]) throw new Error(`unknown publication kind "${kind}"`);
    this.api = api;
    this.room = room;
    this.requestedNode = node;
    this.kind = kind;
    this.onLog = onLog;
    this.stream = capture;
    this.videoCodec = videoCodec;
    this.simulcast = simulcast;
    this.streamKeys = streamKeys ?? { video: newStreamKey('video'), audio: newStreamKey('audio') };
    this.transport = null;
    this.node = null; // the member the send transport lives on, as the server placed it
    this.producers = [];
    this.closed = false;
  }

  /** Captures media and produces every captured track; returns the stream for a local preview. */
  async start() {
    this.stream ??= await captureMedia(CAPTURE[this.kind]);
    try {
      const device = await deviceForRoom(this.api, this.room, this.onLog);
      await this.#createTransport(device);
      for (const track of this.stream.getTracks().filter(candidate => candidate.readyState === 'live')) {
        const producer = await this.transport.produce({
          track,
          appData: { source: this.kind, streamKey: this.streamKeys[track.kind] },
          // closing a producer must not end its track: the same capture is published again after a failover
          // (stop() ends the tracks itself unless asked to keep them)
          stopTracks: false,
          ...(track.kind === 'video' ? this.#videoOptions(device) : {}),
        });
        track.addEventListener('ended', () => this.#onTrackEnded(producer));
        this.producers.push(producer);
        this.onLog(`producing ${producer.kind} ${producer.id} on ${this.node}`);
      }
      return this.stream;
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** The produce() options that choose the video codec and the simulcast encodings, when asked for. */
  #videoOptions(device) {
    const options = {};
    if (this.videoCodec) options.codec = codecNamed(device, this.videoCodec);
    if (this.simulcast) options.encodings = SIMULCAST_ENCODINGS;
    return options;
  }

  /** The ids of the producers still open. */
  producerIds() {
    return this.producers.filter(producer => !producer.closed).map(producer => producer.id);
  }

  /**
   * Closes the producers and the transport on the server and releases the camera, unless `keepCapture`
   * (the same media is about to be published again elsewhere).
   */
  async stop({ keepCapture = false } = {}) {
    if (this.closed) return;
    this.closed = true;
    if (!keepCapture) this.stream?.getTracks().forEach(track => track.stop());
    for (const producer of this.producers) {
      if (producer.closed) continue; // already closed when its capture ended
      producer.close();
      await this.api.closeProducer(producer.id).catch(error => this.onLog(error.message));
    }
    if (this.transport) {
      this.transport.close();
      await this.api.closeTransport(this.transport.id).catch(error => this.onLog(error.message));
    }
  }

  async #createTransport(device) {
    const created = await this.api.createTransport({ room: this.room, direction: 'send', node: this.requestedNode });
    this.node = created.node;
    this.transport = device.createSendTransport(transportOptions(created));
    connectThroughApi(this.transport, this.api, created, 'send', (...line) => this.onLog(...line));
    this.transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      this.api.produce(created.id, kind, rtpParameters, appData).then(({ id }) => callback({ id }), errback);
    });
  }

  /** The user ended the capture (e.g. "Stop sharing"): the producer has nothing more to send. */
  #onTrackEnded(producer) {
    if (producer.closed) return;
    producer.close();
    this.onLog(`${producer.kind} capture ended; closing producer ${producer.id}`);
    this.api.closeProducer(producer.id).catch(error => this.onLog(error.message));
  }
}

/** Three simulcast layers, lowest first as mediasoup expects. */
const SIMULCAST_ENCODINGS = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 1_500_000 },
];

/** The device's (browser ∩ router) video codec with this MIME type; the first one when several profiles exist. */
function codecNamed(device, mimeType) {
  const codec = device.rtpCapabilities.codecs.find(candidate => candidate.mimeType.toLowerCase() === mimeType.toLowerCase());
  if (!codec) throw new Error(`${mimeType} is not a codec both this browser and the SFU support`);
  return codec;
}

/** getUserMedia / getDisplayMedia with errors a person can act on. */
async function captureMedia({ video, audio, display }) {
  if (!navigator.mediaDevices) {
    throw new Error('This page cannot use the camera or the screen: it needs a secure context (https or localhost).');
  }
  if (display && typeof navigator.mediaDevices.getDisplayMedia !== 'function') {
    throw new Error('This browser cannot share its screen.');
  }
  try {
    return display
      ? await navigator.mediaDevices.getDisplayMedia({ video, audio })
      : await navigator.mediaDevices.getUserMedia({ video, audio });
  } catch (error) {
    throw new Error(describeCaptureError(error, display ? 'screen sharing' : 'camera/microphone'));
  }
}

function describeCaptureError(error, what) {
  switch (error.name) {
    case 'NotAllowedError':
      return `Access to the ${what} was refused. Allow it in the browser's site settings and try again.`;
    case 'NotFoundError':
      return `No ${what} device was found.`;
    case 'NotReadableError':
      return `The ${what} is in use by another application or cannot be read.`;
    default:
      return `Cannot start the ${what}: ${error.message || error.name}`;
  }
}
