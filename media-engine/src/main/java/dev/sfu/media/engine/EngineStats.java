package dev.sfu.media.engine;

import dev.sfu.media.net.DemuxCounters;
import dev.sfu.media.net.PacketKind;
import java.util.Map;

/**
 * A snapshot of one engine's socket-level counters.
 *
 * @param port            the bound media port
 * @param transports      open WebRTC transports
 * @param demux           per packet kind: received, dropped, no session for the address/username
 * @param datagramsSent   datagrams queued on the socket
 * @param sendFailures    datagrams not sent because the socket was closed
 * @param dtlsRejected    DTLS handshakes refused because the handshake executor was full
 * @param handlerErrors   exceptions that escaped packet handling (logged; the socket kept serving)
 */
public record EngineStats(int port, int transports, Map<PacketKind, DemuxCounters.KindCounts> demux,
                          long datagramsSent, long sendFailures, long dtlsRejected, long handlerErrors,
                          long floodDropped, long floodSourcesLimited) {
}
