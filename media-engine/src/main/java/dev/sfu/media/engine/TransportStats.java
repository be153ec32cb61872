package dev.sfu.media.engine;

/**
 * A transport's packet counters (RTP and RTCP, both directions), what it dropped and why, the latest REMB
 * estimate from the client (0 until one arrives) and the latest RTT measured on its consumers (-1 unknown).
 */
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
        long droppedUnknownPayloadType,
        long droppedRtxPadding,
        long droppedMalformedRtcp,
        long transportCcFeedbacksReceived,
        long availableIncomingBitrateBps,
        double rttMillis,
        int producers,
        int consumers) {
}
