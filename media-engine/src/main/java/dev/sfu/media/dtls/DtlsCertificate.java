package dev.sfu.media.dtls;

import dev.sfu.media.transport.DtlsFingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The node's DTLS identity: a self-signed ECDSA P-256 certificate and its key. Peers authenticate it by the
 * fingerprint signaled out of band, so its names and validity carry no meaning. Created once per node.
 */
public final class DtlsCertificate {
    private static final long VALIDITY_MILLIS = TimeUnit.DAYS.toMillis(365);

    private final AsymmetricKeyParameter privateKey;
    private final byte[] der;
    private final DtlsFingerprint fingerprint;

    private DtlsCertificate(AsymmetricKeyParameter privateKey, byte[] der) {
        this.privateKey = privateKey;
        this.der = der;
        this.fingerprint = FingerprintVerifier.fingerprint("sha-256", der);
    }

    /** Generates a fresh key pair and certificate (takes a few milliseconds). */
    public static DtlsCertificate generate() {
        SecureRandom random = new SecureRandom();
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1,
                ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1)), random));
        AsymmetricCipherKeyPair keyPair = generator.generateKeyPair();
        try {
            X500Name name = new X500Name("CN=sfu");
            long now = System.currentTimeMillis();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, new BigInteger(63, random).add(BigInteger.ONE),
                    new Date(now - TimeUnit.DAYS.toMillis(1)), new Date(now + VALIDITY_MILLIS), name,
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(keyPair.getPublic()));
            AlgorithmIdentifier signatureAlgorithm = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
            AlgorithmIdentifier digestAlgorithm = new DefaultDigestAlgorithmIdentifierFinder().find(signatureAlgorithm);
            byte[] der = builder.build(new BcECContentSignerBuilder(signatureAlgorithm, digestAlgorithm)
                    .build(keyPair.getPrivate())).getEncoded();
            return new DtlsCertificate(keyPair.getPrivate(), der);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the DTLS certificate", e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the DTLS certificate", e);
        }
    }

    /** The SHA-256 fingerprint to signal, e.g. {@code DtlsFingerprint("sha-256", "AB:CD:...")}. */
    public DtlsFingerprint fingerprint() {
        return fingerprint;
    }

    /** The DER encoding of the certificate. */
    public byte[] encoded() {
        return der.clone();
    }

    /** Our credentials for one handshake, signing with ECDSA/SHA-256. */
    TlsCredentialedSigner signer(TlsContext context, BcTlsCrypto crypto) throws IOException {
        TlsCertificate certificate = crypto.createCertificate(der);
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, privateKey,
                new Certificate(new TlsCertificate[] {certificate}),
                SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }
}
