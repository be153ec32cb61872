/**
 * Routers, transports, producers and consumers: the media thread's view of a room.
 *
 * <p>Packet path: the secure transport below decrypts and calls {@code Transport.receiveRtp}; the transport finds
 * the producer stream by SSRC (learning new SSRCs from the MID and RID header extensions), unwraps RTX, and hands
 * the packet to its {@link dev.sfu.media.engine.Producer}, which counts it, NACKs losses, rewrites it to the
 * router's payload type / SSRC / extension ids, caches it and loops over its consumers. Each
 * {@link dev.sfu.media.engine.Consumer} copies it into its own scratch buffer, rewrites SSRC, payload type,
 * sequence number, timestamp, extension ids and MID, and calls its transport's {@code sendRtp} (which encrypts).
 * RTCP from clients comes in through {@code Transport.receiveRtcp}; periodic RTCP (SR, RR, retries) is driven by
 * {@code Transport.onTick}. Everything is confined to the media thread.
 */
package dev.sfu.media.engine;
