package dev.sfu.media.dtls;

import dev.sfu.media.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
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
    private final BcTlsCrypto bcCrypto;
    private final DtlsCertificate certificate;
    private final FingerprintVerifier verifier;
    private final int handshakeTimeoutMillis;
    private SrtpProfile profile;
    private byte[] keyingMaterial;

    SrtpDtlsClient(BcTlsCrypto crypto, DtlsCertificate certificate, FingerprintVerifier verifier,
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
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        if (extensions == null) {
            extensions = new Hashtable();
        }
        TlsSRTPUtils.addUseSRTPExtension(extensions,
                new UseSRTPData(DtlsSrtpPreferences.srtpProfileIds(), TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData answer = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (answer == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "peer did not accept use_srtp");
        }
        int[] chosen = answer.getProtectionProfiles();
        profile = chosen.length == 1 ? DtlsSrtpPreferences.choose(chosen) : null;
        if (profile == null) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "peer chose an SRTP profile we did not offer");
        }
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                verifier.verify(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return certificate.signer(context, bcCrypto);
            }
        };
    }
}
