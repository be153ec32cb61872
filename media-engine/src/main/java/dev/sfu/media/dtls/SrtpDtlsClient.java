package dev.sfu.media.dtls;

import dev.sfu.media.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The DTLS-SRTP client side of one handshake: offers ECDHE-ECDSA suites and both SRTP profiles, checks the server's
 * certificate against the signaled fingerprint, and answers the server's certificate request with ours.
 */
final class SrtpDtlsClient extends DefaultTlsClient {
    private final DtlsSrtpPeer peer;

    SrtpDtlsClient(BcTlsCrypto crypto, DtlsCertificate certificate, FingerprintVerifier verifier,
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
    @SuppressWarnings("rawtypes")
    public Hashtable getClientExtensions() throws IOException {
        return DtlsSrtpPeer.withUseSrtp(super.getClientExtensions(),
                new UseSRTPData(DtlsSrtpPreferences.srtpProfileIds(), TlsUtils.EMPTY_BYTES));
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData answer = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (answer == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "peer did not accept use_srtp");
        }
        int[] chosen = answer.getProtectionProfiles();
        SrtpProfile profile = chosen.length == 1 ? DtlsSrtpPreferences.choose(chosen) : null;
        if (profile == null) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "peer chose an SRTP profile we did not offer");
        }
        peer.negotiated(profile);
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                peer.verifyPeer(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return peer.credentials(context);
            }
        };
    }
}
