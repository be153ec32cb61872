package dev.sfu.media.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {
    @Test
    void generatesAValidSelfSignedEcdsaP256Certificate() throws Exception {
        DtlsCertificate certificate = DtlsCertificate.generate();
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate.encoded()));

        assertEquals("SHA256withECDSA", x509.getSigAlgName());
        assertEquals(256, ((ECPublicKey) x509.getPublicKey()).getParams().getCurve().getField().getFieldSize());
        x509.verify(x509.getPublicKey()); // self-signed: throws if the signature is wrong
        x509.checkValidity();
    }

    @Test
    void fingerprintIsTheUppercaseColonHexSha256OfTheDer() throws Exception {
        DtlsCertificate certificate = DtlsCertificate.generate();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.encoded());

        assertEquals("sha-256", certificate.fingerprint().algorithm());
        String value = certificate.fingerprint().value();
        assertTrue(value.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), value);
        assertEquals(String.format("%02X", digest[0]), value.substring(0, 2));
        assertEquals(String.format("%02X", digest[31]), value.substring(value.length() - 2));
    }

    @Test
    void eachCertificateIsFresh() {
        assertNotEquals(DtlsCertificate.generate().fingerprint(), DtlsCertificate.generate().fingerprint());
    }
}
