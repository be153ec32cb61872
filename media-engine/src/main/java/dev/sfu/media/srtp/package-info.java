/**
 * SRTP and SRTCP protection (RFC 3711, RFC 7714) on top of jitsi-srtp, in place on
 * {@link dev.sfu.media.packet.PacketBuffer}s. Keys come from DTLS-SRTP or, for pipes between members, from the
 * cluster. Used on the media thread only.
 */
package dev.sfu.media.srtp;
