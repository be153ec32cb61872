package dev.sfu.media.dtls;

import dev.sfu.media.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
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
    private final DtlsSrtpPeer peer;
    private byte[] clientMki = TlsUtils.EMPTY_BYTES;

    SrtpDtlsServer(BcTlsCrypto crypto, DtlsCertificate certificate, FingerprintVerifier verifier,
                   int handshakeTimeoutMillis) {
        super(crypto);
        this.peer = new DtlsSrtpPeer(crypto, certificate, verifier, handshakeTimeoutMillis);
    }

    /** The negotiated profile (after the handshake). */
    SrtpProfile profile() {
        return peer.profile();
    }

    /** RFC 5764 §4.2 keying material (after the handshake). */
    byte[] srtpKeyingMaterial() {
        return peer.srtpKeyingMaterial();
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        peer.exportKeyingMaterial(context);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return peer.supportedVersions();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return peer.supportedCipherSuites();
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return peer.handshakeTimeoutMillis();
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return peer.credentials(context);
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        peer.verifyPeer(clientCertificate);
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offer = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offer == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "peer did not offer use_srtp");
        }
        SrtpProfile profile = DtlsSrtpPreferences.choose(offer.getProtectionProfiles());
        if (profile == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "no common SRTP protection profile");
        }
        peer.negotiated(profile);
        clientMki = offer.getMki();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Hashtable getServerExtensions() throws IOException {
        return DtlsSrtpPeer.withUseSrtp(super.getServerExtensions(),
                new UseSRTPData(new int[] {peer.profile().protectionProfileId()}, clientMki));
    }
}
