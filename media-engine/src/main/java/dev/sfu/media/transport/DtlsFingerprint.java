package dev.sfu.media.transport;

/** A certificate fingerprint as signaled in SDP: algorithm "sha-256", value "AB:CD:...". */
public record DtlsFingerprint(String algorithm, String value) {
}
