package dev.sfu.signaling.tls;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/** Turns a PEM certificate chain and its PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC) into a key store. */
final class PemKeyStore {
    private PemKeyStore() {
    }

    static KeyStore load(Path certificateFile, Path privateKeyFile, char[] password) {
        Certificate[] chain = certificates(certificateFile);
        PrivateKey key = privateKey(privateKeyFile);
        if (!belongTogether(key, chain[0])) {
            throw new IllegalArgumentException("the TLS private key " + privateKeyFile
                    + " does not belong to the certificate " + certificateFile);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("signaling", key, password, chain);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("the TLS private key " + privateKeyFile
                    + " does not fit the certificate " + certificateFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the key signs what the certificate's public key verifies. Checked here because a mismatch would
     * otherwise only show as failing handshakes.
     */
    private static boolean belongTogether(PrivateKey key, Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> null;
        };
        if (algorithm == null) {
            return true; // another key type: left to the handshake
        }
        byte[] challenge = "signaling-tls-key-check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Certificate[] certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + file);
            }
            return chain.toArray(Certificate[]::new);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the TLS certificate " + file + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        Object parsed;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); PEMParser parser = new PEMParser(reader)) {
            parsed = parser.readObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the TLS private key " + file + ": " + e.getMessage(), e);
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("unsupported TLS private key in " + file + ": " + e.getMessage(), e);
        }
        if (parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new IllegalArgumentException("the TLS private key " + file
                    + " is encrypted; give an unencrypted PEM key or use a PKCS#12 keystore with a password");
        }
        throw new IllegalArgumentException("no private key in " + file + " (expected a PEM 'PRIVATE KEY' block)");
    }
}
