package dev.sfu.signaling.auth;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;

/** Reads the public key that verifies RS256/ES256 tokens from PEM: a PUBLIC KEY block or a CERTIFICATE. */
final class PublicKeyPem {
    private PublicKeyPem() {
    }

    static PublicKey parse(String pem) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the auth public key PEM: " + e.getMessage(), e);
        }
        SubjectPublicKeyInfo info;
        if (parsed instanceof SubjectPublicKeyInfo key) {
            info = key;
        } else if (parsed instanceof X509CertificateHolder certificate) {
            info = certificate.getSubjectPublicKeyInfo();
        } else {
            throw new IllegalArgumentException("the auth public key PEM holds "
                    + (parsed == null ? "no PEM block" : "a " + parsed.getClass().getSimpleName())
                    + "; expected '-----BEGIN PUBLIC KEY-----' or a certificate");
        }
        try {
            return new JcaPEMKeyConverter().getPublicKey(info);
        } catch (PEMException e) {
            throw new IllegalArgumentException("unsupported auth public key: " + e.getMessage(), e);
        }
    }
}
