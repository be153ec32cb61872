/**
 * DTLS 1.2 for DTLS-SRTP (RFC 5764, RFC 6347) on BouncyCastle's low-level TLS API.
 *
 * <p>{@link dev.sfu.media.dtls.DtlsSession} is the entry point: feed it the DTLS datagrams of one transport, give it
 * a way to send, and it reports an {@link dev.sfu.media.srtp.SrtpSession} once the handshake is done and the peer's
 * certificate matched the signaled fingerprint. {@link dev.sfu.media.dtls.DtlsCertificate} is the node's identity.
 * The rest is package-private plumbing: the BouncyCastle peers, the queue-backed datagram link, the fingerprint
 * check and the record header inspector.
 */
package dev.sfu.media.dtls;
