// What a publisher's send transport and a viewer's receive transport share: both mirror a transport the server
// created, and both connect DTLS through the signaling API.

/** The mediasoup-client options for the transport the server `created`. */
export function transportOptions(created) {
  return {
    id: created.id,
    iceParameters: created.iceParameters,
    iceCandidates: created.iceCandidates,
    dtlsParameters: created.dtlsParameters,
  };
}

/**
 * Hands the transport's DTLS parameters to the server when mediasoup-client asks, and logs its connection state
 * as "<label> transport <id> <state>" (a failure as an error).
 */
export function connectThroughApi(transport, api, created, label, onLog) {
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    api.connectTransport(created.id, dtlsParameters).then(() => callback(), errback);
  });
  transport.on('connectionstatechange', state =>
    onLog(`${label} transport ${created.id} ${state}`, state === 'failed' ? 'error' : 'local'));
}
