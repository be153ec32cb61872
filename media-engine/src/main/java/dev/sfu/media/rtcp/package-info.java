/**
 * RTCP: {@link dev.sfu.media.rtcp.RtcpCompoundReader} walks a compound packet and validates each header (a bad
 * one stops the walk, nothing throws); one class per message type parses it at the reader's position (null when
 * truncated) and writes it into a {@link dev.sfu.media.packet.PacketBuffer}: SR, RR, SDES, BYE (RFC 3550),
 * generic NACK and PLI (RFC 4585), FIR (RFC 5104), REMB and transport-cc (fixed fields only).
 */
package dev.sfu.media.rtcp;
