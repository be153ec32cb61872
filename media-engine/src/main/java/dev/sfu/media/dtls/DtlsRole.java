package dev.sfu.media.dtls;

/** Which side of the DTLS handshake we play: the client sends the ClientHello, the server answers it. */
public enum DtlsRole {
    CLIENT,
    SERVER
}
