// The signaling client: the HTTP contract of one SFU member, and its event WebSocket.
import { authorizationHeaders, withTokenParameter } from './accessToken.js';

/** A failed API call, with a message fit to show to the user. */
export class ApiError extends Error {
  constructor(message, { status = 0, path = '' } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.path = path;
  }
}

export class SignalingClient {
  /**
   * @param {string} baseUrl the member's HTTP origin, e.g. "http://127.0.0.1:3001"
   * @param {{token?: () => string}} options where to read the access token at each call ("" = none)
   */
  constructor(baseUrl, { token = () => '' } = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.token = token;
  }

  routerRtpCapabilities(room) {
    return this.#get(`/api/router-rtp-capabilities?room=${encodeURIComponent(room)}`);
  }

  /** @param {{room: string, direction: 'send'|'recv', node?: string, producerId?: string}} request */
  createTransport(request) {
    return this.#post('/api/create-transport', withoutEmpty(request));
  }

  connectTransport(transportId, dtlsParameters) {
    return this.#post('/api/connect-transport', { transportId, dtlsParameters });
  }

  produce(transportId, kind, rtpParameters, appData) {
    return this.#post('/api/produce', withoutEmpty({ transportId, kind, rtpParameters, appData }));
  }

  consume(transportId, producerId, rtpCapabilities) {
    return this.#post('/api/consume', { transportId, producerId, rtpCapabilities });
  }

  resumeConsumer(consumerId) {
    return this.#post('/api/resume-consumer', { consumerId });
  }

  pauseProducer(producerId) {
    return this.#post('/api/pause-producer', { producerId });
  }

  resumeProducer(producerId) {
    return this.#post('/api/resume-producer', { producerId });
  }

  closeProducer(producerId) {
    return this.#post('/api/close-producer', { producerId });
  }

  closeTransport(transportId) {
    return this.#post('/api/close-transport', { transportId });
  }

  streams(room) {
    return this.#get(`/api/streams?room=${encodeURIComponent(room)}`);
  }

  sfuNodes() {
    return this.#get('/api/sfu-nodes');
  }

  connections() {
    return this.#get('/api/connections');
  }

  /** Pekko Management's membership as this member relays it (a proxy the server may not have yet). */
  clusterMembers() {
    return this.#get('/api/cluster-members');
  }

  /** Opens the member's event stream, of one room or (no room) of every room; the caller owns the WebSocket. */
  openEvents(room) {
    const url = new URL(room ? `/ws?room=${encodeURIComponent(room)}` : '/ws', this.baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return new WebSocket(withTokenParameter(url, this.token()));
  }

  #get(path) {
    return this.#request('GET', path);
  }

  #post(path, body) {
    return this.#request('POST', path, body);
  }

  async #request(method, path, body) {
    const what = `${method} ${path.split('?')[0]}`;
    let response;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers: {
          ...authorizationHeaders(this.token()),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (networkError) {
      throw new ApiError(`${what}: cannot reach the SFU at ${this.baseUrl} (${networkError.message})`, { path });
    }
    const text = await response.text();
    let json;
    try {
      json = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new ApiError(`${what}: HTTP ${response.status} from ${this.baseUrl}, and the answer is not JSON`,
        { status: response.status, path });
    }
    if (!response.ok) {
      const reason = json && typeof json.error === 'string' ? json.error : `HTTP ${response.status}`;
      const hint = response.status === 401 || response.status === 403 ? ' (check the access token)' : '';
      throw new ApiError(`${what} failed: ${reason}${hint}`, { status: response.status, path });
    }
    return json;
  }
}

/** Drops undefined, null and '' fields, so optional hints are simply absent from the JSON. */
function withoutEmpty(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== null && value !== ''));
}

/** GET <managementUrl>/cluster/members straight from Pekko Management (fails when CORS does not allow this page). */
export async function fetchManagementMembers(managementUrl) {
  const response = await fetch(`${managementUrl.replace(/\/+$/, '')}/cluster/members`, { signal: AbortSignal.timeout(3000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
