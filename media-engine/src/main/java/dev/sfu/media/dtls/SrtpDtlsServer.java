package dev.sfu.media.dtls;

import dev.sfu.media.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The DTLS-SRTP server side of one handshake: ECDHE-ECDSA with our certificate, a required client certificate
 * checked against the signaled fingerprint, and the SRTP profile picked from the client's {@code use_srtp} offer.
 */
final class SrtpDtlsServer extends DefaultTlsServer {
    private final BcTlsCrypto bcCrypto;
    private final DtlsCertificate certificate;
    private final FingerprintVerifier verifier;
    private final int handshakeTimeoutMillis;
    private SrtpProfile profile;
    private byte[] keyingMaterial;
    private byte[] clientMki = TlsUtils.EMPTY_BYTES;

    SrtpDtlsServer(BcTlsCrypto crypto, DtlsCertificate certificate, FingerprintVerifier verifier,
                   int handshakeTimeoutMillis) {
        super(crypto);
        this.bcCrypto = crypto;
        this.certificate = certificate;
        this.verifier = verifier;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    /** The negotiated profile (after the handshake). */
    SrtpProfile profile() {
        return profile;
    }

    /** RFC 5764 §4.2 keying material: client key | server key | client salt | server salt (after the handshake). */
    byte[] srtpKeyingMaterial() {
        return keyingMaterial;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        // BouncyCastle allows the export only from inside this callback.
        keyingMaterial = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, profile.keyingMaterialLength());
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), DtlsSrtpPreferences.CIPHER_SUITES);
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return certificate.signer(context, bcCrypto);
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        verifier.verify(clientCertificate);
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offer = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offer == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "peer did not offer use_srtp");
        }
        profile = DtlsSrtpPreferences.choose(offer.getProtectionProfiles());
        if (profile == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "no common SRTP protection profile");
        }
        clientMki = offer.getMki();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        if (extensions == null) {
            extensions = new Hashtable();
        }
        TlsSRTPUtils.addUseSRTPExtension(extensions,
                new UseSRTPData(new int[] {profile.protectionProfileId()}, clientMki));
        return extensions;
    }
}
