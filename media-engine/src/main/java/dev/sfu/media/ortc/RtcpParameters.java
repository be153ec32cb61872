package dev.sfu.media.ortc;

/** RTCP settings of a stream: CNAME, reduced size, and rtcp-mux (always true for WebRTC). */
public record RtcpParameters(String cname, Boolean reducedSize, Boolean mux) {
}
