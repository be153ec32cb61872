/**
 * Pipes between SFU members: a {@link dev.sfu.media.pipe.PipeTransport} per (room, remote member) carries RTP/RTCP
 * over UDP between the members' single media ports, with SRTP keys from {@link dev.sfu.media.pipe.PipeSrtpKeys}
 * when configured. All pipes toward one member share its address; {@link dev.sfu.media.pipe.PipePeer} tells them
 * apart by SSRC.
 */
package dev.sfu.media.pipe;
