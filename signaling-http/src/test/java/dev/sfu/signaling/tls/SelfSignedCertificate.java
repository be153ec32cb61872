package dev.sfu.signaling.tls;

import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** A fresh EC P-256 certificate for 127.0.0.1 and localhost, as PEM files and PKCS#12, and a client that trusts it. */
final class SelfSignedCertificate {
    final KeyPair keyPair;
    final X509Certificate certificate;

    SelfSignedCertificate() throws Exception {
        this(ecP256());
    }

    SelfSignedCertificate(KeyPair keyPair) throws Exception {
        this.keyPair = keyPair;
        String signature = keyPair.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        X500Name name = new X500Name("CN=localhost");
        Instant now = Instant.now();
        X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), name, keyPair.getPublic())
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")}))
                .build(new JcaContentSignerBuilder(signature).build(keyPair.getPrivate()));
        certificate = new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static KeyPair ecP256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** The certificate as PEM (like openssl's cert.pem). */
    Path writeCertificatePem(Path file) throws Exception {
        return writePem(file, certificate);
    }

    /** The private key as unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY", like openssl's key.pem). */
    Path writePrivateKeyPem(Path file) throws Exception {
        return writePem(file, new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(keyPair.getPrivate(), null).generate());
    }

    /** The private key in the older per-algorithm PEM form: "RSA PRIVATE KEY" (PKCS#1) or "EC PRIVATE KEY" (SEC1). */
    Path writeTraditionalPrivateKeyPem(Path file) throws Exception {
        if (keyPair.getPrivate() instanceof ECPrivateKey ec) {
            // As openssl writes it: the curve named inside the key.
            byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ec.getS(), SECObjectIdentifiers.secp256r1).getEncoded();
            return writePem(file, new PemObject("EC PRIVATE KEY", sec1));
        }
        return writePem(file, keyPair.getPrivate()); // BC writes RSA keys as PKCS#1
    }

    Path writePkcs12(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keyPair.getPrivate(), password.toCharArray(), new X509Certificate[]{certificate});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    /** A client-side context that trusts exactly this certificate. */
    SSLContext clientTrust() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static Path writePem(Path file, Object object) throws Exception {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(object);
        }
        return file;
    }
}
