/**
 * RTP on the media path: {@link dev.sfu.media.rtp.RtpPacket} (a reusable view over a
 * {@link dev.sfu.media.packet.PacketBuffer}), RFC 8285 header extensions (find, remap ids, set a value),
 * per-consumer sequence/timestamp rewriting, the NACK packet cache, RTX (RFC 4588), receive-side loss detection
 * and stream statistics (RFC 3550 A.3/A.8, RTT from LSR/DLSR). Nothing here allocates per packet.
 */
package dev.sfu.media.rtp;
