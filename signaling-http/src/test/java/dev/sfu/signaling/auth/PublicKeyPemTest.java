package dev.sfu.signaling.auth;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicKeyPemTest {

    @Test
    void readsAPublicKeyBlock() {
        KeyPair pair = TestTokens.ecKeyPair("secp256r1");

        assertEquals(pair.getPublic(), PublicKeyPem.parse(TestTokens.pem(pair.getPublic())));
    }

    @Test
    void readsTheKeyOfACertificate() throws Exception {
        KeyPair pair = TestTokens.ecKeyPair("secp256r1");
        X500Name name = new X500Name("CN=token-signer");
        X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(Instant.now()), Date.from(Instant.now().plusSeconds(3600)), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";

        assertEquals(pair.getPublic(), PublicKeyPem.parse(pem));
    }

    @Test
    void aPrivateKeyIsNotAPublicKey() {
        KeyPair pair = TestTokens.ecKeyPair("secp256r1");
        String privatePem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PublicKeyPem.parse(privatePem));
        assertTrue(e.getMessage().contains("expected '-----BEGIN PUBLIC KEY-----'"), e.getMessage());
    }
}
