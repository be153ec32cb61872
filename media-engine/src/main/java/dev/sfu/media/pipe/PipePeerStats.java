package dev.sfu.media.pipe;

/**
 * What arrived from one remote SFU's media address (shared by every pipe transport toward it) and what was
 * dropped before reaching a transport.
 *
 * @param datagramsReceived   RTP/RTCP datagrams from the peer's address
 * @param droppedMalformed    too short to carry an SSRC, or RTCP that does not parse
 * @param droppedUnknownSsrc  RTP whose SSRC no pipe producer toward this peer expects
 * @param droppedUnroutableRtcp RTCP no pipe transport toward this peer could claim (unknown SSRCs, bad SRTCP)
 * @param droppedNotMedia     STUN or DTLS from the peer's address (pipes run neither)
 */
public record PipePeerStats(String remoteAddress, int transports, long datagramsReceived, long droppedMalformed,
                            long droppedUnknownSsrc, long droppedUnroutableRtcp, long droppedNotMedia) {
    /** Everything this peer's address sent that no pipe transport took. */
    public long dropped() {
        return droppedMalformed + droppedUnknownSsrc + droppedUnroutableRtcp + droppedNotMedia;
    }
}
