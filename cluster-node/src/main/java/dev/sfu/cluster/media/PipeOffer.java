package dev.sfu.cluster.media;

import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.pipe.PipeSrtpKeys;

/**
 * What the home member of a producer hands to a member that wants it: everything that member needs to receive
 * the producer through a pipe. The home has created a pipe consumer of the producer on its pipe transport
 * {@code transportId} toward that member; the member creates (or reuses) its end of that transport, toward
 * {@code homeMediaAddress} ("ip:port"), and a pipe producer with the same id from {@code rtpParameters}.
 *
 * @param keys the SRTP keys as the receiving member must hold them, or null when the pipe runs plain RTP
 */
public record PipeOffer(String producerId, String room, String kind, RtpParameters rtpParameters, boolean paused,
                        String transportId, String homeNode, String homeMediaAddress, PipeSrtpKeys keys) {
}
