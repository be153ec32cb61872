package dev.sfu.media.dtls;

import dev.sfu.media.transport.DtlsFingerprint;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * Checks the peer's certificate against the fingerprints it signaled (RFC 8122 §5, RFC 5763 §5): the certificate is
 * self-signed, so the fingerprint is what authenticates it. A mismatch aborts the handshake with a fatal alert.
 */
final class FingerprintVerifier {
    private final List<DtlsFingerprint> expected;

    FingerprintVerifier(List<DtlsFingerprint> expected) {
        this.expected = List.copyOf(expected);
    }

    /** Throws a fatal alert unless the peer's end-entity certificate matches one of the expected fingerprints. */
    void verify(Certificate peerCertificate) throws IOException {
        if (peerCertificate == null || peerCertificate.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "peer sent no certificate");
        }
        if (expected.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate,
                    "fingerprint mismatch: no remote fingerprint was signaled");
        }
        byte[] der = peerCertificate.getCertificateAt(0).getEncoded();
        for (DtlsFingerprint candidate : expected) {
            DtlsFingerprint actual = fingerprint(candidate.algorithm(), der);
            if (actual != null && actual.value().equalsIgnoreCase(candidate.value().trim())) {
                return;
            }
        }
        throw new TlsFatalAlert(AlertDescription.bad_certificate, "fingerprint mismatch: peer certificate is sha-256 "
                + fingerprint("sha-256", der).value() + ", signaled " + expected);
    }

    /** The fingerprint of a DER certificate with the given SDP hash name ("sha-256", ...), or null if unknown. */
    static DtlsFingerprint fingerprint(String algorithm, byte[] der) {
        String name = algorithm == null ? "" : algorithm.trim().toLowerCase(Locale.ROOT);
        String jcaName = switch (name) {
            case "sha-1" -> "SHA-1";
            case "sha-224" -> "SHA-224";
            case "sha-256" -> "SHA-256";
            case "sha-384" -> "SHA-384";
            case "sha-512" -> "SHA-512";
            default -> null;
        };
        if (jcaName == null) {
            return null;
        }
        try {
            return new DtlsFingerprint(name, colonHex(MessageDigest.getInstance(jcaName).digest(der)));
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** Uppercase hex bytes joined by colons, as SDP's a=fingerprint writes them. */
    static String colonHex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (out.length() > 0) {
                out.append(':');
            }
            out.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
            out.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
        return out.toString();
    }
}
