package dev.sfu.media.dtls;

import dev.sfu.media.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * What both ends of a DTLS-SRTP handshake do alike: DTLS 1.2 only, our cipher suites, our certificate as
 * credentials, the peer's certificate checked against the signaled fingerprint, and the SRTP keying material
 * exported once the handshake completes. {@link SrtpDtlsClient} and {@link SrtpDtlsServer} delegate here and keep
 * only their role's part of the {@code use_srtp} exchange (they extend different BouncyCastle base classes).
 */
final class DtlsSrtpPeer {
    private final BcTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final FingerprintVerifier verifier;
    private final int handshakeTimeoutMillis;
    private SrtpProfile profile;
    private byte[] keyingMaterial;

    DtlsSrtpPeer(BcTlsCrypto crypto, DtlsCertificate certificate, FingerprintVerifier verifier,
                 int handshakeTimeoutMillis) {
        this.crypto = crypto;
        this.certificate = certificate;
        this.verifier = verifier;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    ProtocolVersion[] supportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    int[] supportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(crypto, DtlsSrtpPreferences.CIPHER_SUITES);
    }

    int handshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    /** Our certificate and key, signing for this handshake. */
    TlsCredentialedSigner credentials(TlsContext context) throws IOException {
        return certificate.signer(context, crypto);
    }

    /** Fails the handshake unless the peer's certificate matches a signaled fingerprint. */
    void verifyPeer(Certificate peerCertificate) throws IOException {
        verifier.verify(peerCertificate);
    }

    /** Records the SRTP profile agreed in the {@code use_srtp} exchange. */
    void negotiated(SrtpProfile chosen) {
        profile = chosen;
    }

    /** Exports the keying material; BouncyCastle allows this only from inside {@code notifyHandshakeComplete}. */
    void exportKeyingMaterial(TlsContext context) {
        keyingMaterial = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, profile.keyingMaterialLength());
    }

    /** The negotiated profile (after the handshake). */
    SrtpProfile profile() {
        return profile;
    }

    /** RFC 5764 §4.2 keying material: client key | server key | client salt | server salt (after the handshake). */
    byte[] srtpKeyingMaterial() {
        return keyingMaterial;
    }

    /** Adds a {@code use_srtp} extension to {@code extensions} (a new table when BouncyCastle gave none). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Hashtable withUseSrtp(Hashtable extensions, UseSRTPData useSrtp) throws IOException {
        Hashtable result = extensions == null ? new Hashtable() : extensions;
        TlsSRTPUtils.addUseSRTPExtension(result, useSrtp);
        return result;
    }
}
