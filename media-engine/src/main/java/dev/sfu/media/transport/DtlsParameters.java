package dev.sfu.media.transport;

import java.util.List;

/** DTLS role ("auto", "client" or "server") and the certificate fingerprints of one side. */
public record DtlsParameters(String role, List<DtlsFingerprint> fingerprints) {
}
