package dev.sfu.media.pipe;

import dev.sfu.media.engine.TransportStats;

/**
 * One pipe transport's wire counters (after routing, before/after SRTP), its drops by reason, the RTP layer's
 * view ({@link TransportStats}) and the shared counters of its peer address.
 *
 * @param droppedAuthFailed    SRTP/SRTCP that failed authentication or replay checks
 * @param droppedProtectFailed outgoing packets SRTP could not protect
 * @param droppedClosed        packets to send or receive after the transport closed
 */
public record PipeTransportStats(String transportId, String remoteAddress, boolean srtp,
                                 long rtpPacketsReceived, long rtcpPacketsReceived, long bytesReceived,
                                 long rtpPacketsSent, long rtcpPacketsSent, long bytesSent,
                                 long droppedAuthFailed, long droppedProtectFailed, long droppedClosed,
                                 TransportStats rtp, PipePeerStats peer) {
}
