package dev.sfu.media.net;

/** The protocols multiplexed on the media port, told apart by their first byte. */
public enum PacketKind {
    STUN, DTLS, RTP_RTCP, UNKNOWN
}
