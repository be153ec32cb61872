package dev.sfu.media.dtls;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfu.media.transport.DtlsFingerprint;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;

class FingerprintVerifierTest {
    private static final DtlsCertificate PEER = DtlsCertificate.generate();

    @Test
    void acceptsAMatchingFingerprintInAnyCase() {
        DtlsFingerprint lower = new DtlsFingerprint("SHA-256", PEER.fingerprint().value().toLowerCase());
        assertDoesNotThrow(() -> new FingerprintVerifier(List.of(lower)).verify(certificateOf(PEER)));
    }

    @Test
    void acceptsWhenAnyOfSeveralFingerprintsMatches() throws Exception {
        DtlsFingerprint sha1 = FingerprintVerifier.fingerprint("sha-1", PEER.encoded());
        DtlsFingerprint other = DtlsCertificate.generate().fingerprint();
        assertDoesNotThrow(() -> new FingerprintVerifier(List.of(other, sha1)).verify(certificateOf(PEER)));
    }

    @Test
    void mismatchIsAFatalBadCertificateAlertNamingTheMismatch() {
        DtlsFingerprint other = DtlsCertificate.generate().fingerprint();
        TlsFatalAlert alert = assertThrows(TlsFatalAlert.class,
                () -> new FingerprintVerifier(List.of(other)).verify(certificateOf(PEER)));
        assertEquals(AlertDescription.bad_certificate, alert.getAlertDescription());
        assertTrue(alert.getMessage().contains("fingerprint mismatch"), alert.getMessage());
        assertTrue(alert.getMessage().contains(PEER.fingerprint().value()));
    }

    @Test
    void noSignaledFingerprintOrUnknownAlgorithmNeverMatches() {
        assertThrows(TlsFatalAlert.class, () -> new FingerprintVerifier(List.of()).verify(certificateOf(PEER)));
        DtlsFingerprint md5 = new DtlsFingerprint("md5", "00:11");
        assertThrows(TlsFatalAlert.class, () -> new FingerprintVerifier(List.of(md5)).verify(certificateOf(PEER)));
        assertNull(FingerprintVerifier.fingerprint("md5", PEER.encoded()));
    }

    @Test
    void emptyCertificateIsRejected() {
        assertThrows(TlsFatalAlert.class,
                () -> new FingerprintVerifier(List.of(PEER.fingerprint())).verify(Certificate.EMPTY_CHAIN));
    }

    @Test
    void colonHexIsUppercasePairs() {
        assertEquals("00:AB:0F:FF", FingerprintVerifier.colonHex(new byte[] {0, (byte) 0xAB, 0x0F, (byte) 0xFF}));
    }

    private static Certificate certificateOf(DtlsCertificate certificate) throws Exception {
        TlsCertificate tls = new BcTlsCrypto(new SecureRandom()).createCertificate(certificate.encoded());
        return new Certificate(new TlsCertificate[] {tls});
    }
}
