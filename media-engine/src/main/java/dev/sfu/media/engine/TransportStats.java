package dev.sfu.media.engine;

/** A transport's packet counters (RTP and RTCP, both directions) and what it dropped. */
public record TransportStats(
        String transportId,
        long rtpPacketsReceived,
        long rtpBytesReceived,
        long rtpPacketsSent,
        long rtpBytesSent,
        long rtcpPacketsReceived,
        long rtcpPacketsSent,
        long receiveBitrateBps,
        long sendBitrateBps,
        long droppedMalformedRtp,
        long droppedUnknownSsrc,
        long droppedMalformedRtcp,
        long availableIncomingBitrateBps,
        double rttMillis,
        int producers,
        int consumers) {
}
