package dev.sfu.media.srtp;

import dev.sfu.media.packet.PacketBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.logging.Level;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * SRTP/SRTCP protection for one secure transport, on top of jitsi-srtp: one master key and salt per direction, one
 * crypto context per SSRC (derived on first use and cached). Packets are transformed in place.
 *
 * <p>Every method returns false, counts the reason, and never throws when a packet cannot be processed: the caller
 * just drops it. Not thread-safe: the media thread owns a session.
 */
public final class SrtpSession {
    /** Bounds the contexts per direction so a flood of made-up SSRCs cannot grow memory without limit. */
    private static final int MAX_SSRCS = 1024;
    private static final int RTP_HEADER_LENGTH = 12;
    private static final int RTCP_HEADER_LENGTH = 8;
    private static final int SRTCP_INDEX_LENGTH = 4;
    private static final Logger JITSI_LOGGER = new LoggerImpl(SrtpSession.class.getName(), Level.WARNING);

    static {
        // An AES backend must be chosen before jitsi's first use, or it benchmarks every provider then (see SrtpAes).
        SrtpAes.useDefault();
    }

    private final SrtpProfile profile;
    private final SrtpContextFactory sendFactory;
    private final SrtpContextFactory receiveFactory;
    private final SsrcContextMap<SrtpCryptoContext> sendRtp = new SsrcContextMap<>(MAX_SSRCS);
    private final SsrcContextMap<SrtpCryptoContext> receiveRtp = new SsrcContextMap<>(MAX_SSRCS);
    private final SsrcContextMap<SrtcpCryptoContext> sendRtcp = new SsrcContextMap<>(MAX_SSRCS);
    private final SsrcContextMap<SrtcpCryptoContext> receiveRtcp = new SsrcContextMap<>(MAX_SSRCS);
    private final SrtpCounters counters = new SrtpCounters();
    private boolean closed;

    private SrtpSession(SrtpProfile profile, byte[] txKey, byte[] txSalt, byte[] rxKey, byte[] rxSalt) {
        this.profile = profile;
        this.sendFactory = newFactory(true, txKey, txSalt);
        this.receiveFactory = newFactory(false, rxKey, rxSalt);
    }

    /**
     * Builds the session from DTLS-exported keying material laid out as client key | server key | client salt |
     * server salt (RFC 5764 §4.2). The DTLS client protects what it sends with the client key and salt.
     */
    public static SrtpSession fromDtlsKeyingMaterial(SrtpProfile profile, byte[] material, boolean localIsClient) {
        int keyLength = profile.keyLength();
        int saltLength = profile.saltLength();
        if (material.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException("keying material for " + profile + " must be "
                    + profile.keyingMaterialLength() + " bytes, got " + material.length);
        }
        byte[] clientKey = Arrays.copyOfRange(material, 0, keyLength);
        byte[] serverKey = Arrays.copyOfRange(material, keyLength, 2 * keyLength);
        byte[] clientSalt = Arrays.copyOfRange(material, 2 * keyLength, 2 * keyLength + saltLength);
        byte[] serverSalt = Arrays.copyOfRange(material, 2 * keyLength + saltLength, 2 * (keyLength + saltLength));
        return localIsClient
                ? fromKeys(profile, clientKey, clientSalt, serverKey, serverSalt)
                : fromKeys(profile, serverKey, serverSalt, clientKey, clientSalt);
    }

    /** Builds the session from explicit master keys and salts, e.g. for pipes whose keys travel through the cluster. */
    public static SrtpSession fromKeys(SrtpProfile profile, byte[] txKey, byte[] txSalt, byte[] rxKey, byte[] rxSalt) {
        requireLength("txKey", txKey, profile.keyLength());
        requireLength("rxKey", rxKey, profile.keyLength());
        requireLength("txSalt", txSalt, profile.saltLength());
        requireLength("rxSalt", rxSalt, profile.saltLength());
        return new SrtpSession(profile, txKey.clone(), txSalt.clone(), rxKey.clone(), rxSalt.clone());
    }

    public SrtpProfile profile() {
        return profile;
    }

    public SrtpCounters counters() {
        return counters;
    }

    /** Encrypts and authenticates an RTP packet in place (it grows by the auth tag). */
    public boolean protectRtp(PacketBuffer packet) {
        if (closed || rtpHeaderLength(packet) < 0) {
            return dropOther();
        }
        try {
            int ssrc = (int) packet.getUnsignedInt(8);
            SrtpCryptoContext context = sendRtp.get(ssrc);
            if (context == null) {
                context = sendFactory.deriveContext(ssrc, 0);
                if (!sendRtp.put(ssrc, context)) {
                    return dropOther();
                }
            }
            return countProtect(context.transformPacket(packet));
        } catch (GeneralSecurityException | RuntimeException e) {
            return dropOther();
        }
    }

    /** Authenticates and decrypts an SRTP packet in place (it shrinks by the auth tag). */
    public boolean unprotectRtp(PacketBuffer packet) {
        int headerLength = rtpHeaderLength(packet);
        if (closed || headerLength < 0 || packet.getLength() < headerLength + profile.rtpAuthTagLength()) {
            return dropOther();
        }
        try {
            int ssrc = (int) packet.getUnsignedInt(8);
            SrtpCryptoContext context = receiveRtp.get(ssrc);
            boolean isNew = context == null;
            if (isNew) {
                context = receiveFactory.deriveContext(ssrc, 0);
            }
            boolean ok = countUnprotect(context.reverseTransformPacket(packet, false));
            // Only a packet that authenticated may create state; forged SSRCs leave nothing behind.
            if (ok && isNew && !receiveRtp.put(ssrc, context)) {
                return dropOther();
            }
            return ok;
        } catch (GeneralSecurityException | RuntimeException e) {
            return dropOther();
        }
    }

    /** Encrypts and authenticates a (compound) RTCP packet in place, appending the SRTCP index and auth tag. */
    public boolean protectRtcp(PacketBuffer packet) {
        if (closed || !isRtcpHeader(packet, RTCP_HEADER_LENGTH)) {
            return dropOther();
        }
        try {
            int ssrc = (int) packet.getUnsignedInt(4);
            SrtcpCryptoContext context = sendRtcp.get(ssrc);
            if (context == null) {
                context = sendFactory.deriveControlContext(ssrc);
                if (!sendRtcp.put(ssrc, context)) {
                    return dropOther();
                }
            }
            return countProtect(context.transformPacket(packet));
        } catch (GeneralSecurityException | RuntimeException e) {
            return dropOther();
        }
    }

    /** Authenticates and decrypts an SRTCP packet in place, removing the SRTCP index and auth tag. */
    public boolean unprotectRtcp(PacketBuffer packet) {
        int minimum = RTCP_HEADER_LENGTH + SRTCP_INDEX_LENGTH + profile.rtcpAuthTagLength();
        if (closed || !isRtcpHeader(packet, minimum)) {
            return dropOther();
        }
        try {
            int ssrc = (int) packet.getUnsignedInt(4);
            SrtcpCryptoContext context = receiveRtcp.get(ssrc);
            boolean isNew = context == null;
            if (isNew) {
                context = receiveFactory.deriveControlContext(ssrc);
            }
            boolean ok = countUnprotect(context.reverseTransformPacket(packet));
            if (ok && isNew && !receiveRtcp.put(ssrc, context)) {
                return dropOther();
            }
            return ok;
        } catch (GeneralSecurityException | RuntimeException e) {
            return dropOther();
        }
    }

    /** Forgets all keys; every later call returns false. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sendRtp.clear();
        receiveRtp.clear();
        sendRtcp.clear();
        receiveRtcp.clear();
        sendFactory.close();
        receiveFactory.close();
    }

    private SrtpContextFactory newFactory(boolean sender, byte[] key, byte[] salt) {
        return new SrtpContextFactory(sender, key, salt, newPolicy(), newPolicy(), JITSI_LOGGER);
    }

    private SrtpPolicy newPolicy() {
        SrtpPolicy policy = switch (profile) {
            case AES128_CM_HMAC_SHA1_80 -> new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, profile.keyLength(),
                    SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, profile.rtpAuthTagLength(), profile.saltLength());
            case AEAD_AES_128_GCM -> new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, profile.keyLength(),
                    SrtpPolicy.NULL_AUTHENTICATION, 0, profile.rtpAuthTagLength(), profile.saltLength());
        };
        policy.setReceiveReplayEnabled(true);
        // An SFU legitimately re-sends a packet it already sent (NACK retransmission without RTX).
        policy.setSendReplayEnabled(false);
        return policy;
    }

    private boolean countProtect(SrtpErrorStatus status) {
        if (status == SrtpErrorStatus.OK) {
            counters.countProtected();
            return true;
        }
        return dropOther();
    }

    private boolean countUnprotect(SrtpErrorStatus status) {
        switch (status) {
            case OK -> counters.countUnprotected();
            case AUTH_FAIL -> counters.countAuthFailure();
            case REPLAY_FAIL, REPLAY_OLD -> counters.countReplayDrop();
            default -> counters.countOtherDrop();
        }
        return status == SrtpErrorStatus.OK;
    }

    private boolean dropOther() {
        counters.countOtherDrop();
        return false;
    }

    /** The RTP header length including CSRCs and header extension, or -1 when the packet cannot hold it. */
    private static int rtpHeaderLength(PacketBuffer packet) {
        int length = packet.getLength();
        if (length < RTP_HEADER_LENGTH || packet.getUnsignedByte(0) >> 6 != 2) {
            return -1;
        }
        int headerLength = RTP_HEADER_LENGTH + 4 * (packet.getUnsignedByte(0) & 0x0F);
        if ((packet.getUnsignedByte(0) & 0x10) != 0) {
            if (length < headerLength + 4) {
                return -1;
            }
            headerLength += 4 + 4 * packet.getUnsignedShort(headerLength + 2);
        }
        return length < headerLength ? -1 : headerLength;
    }

    private static boolean isRtcpHeader(PacketBuffer packet, int minimumLength) {
        return packet.getLength() >= minimumLength && packet.getUnsignedByte(0) >> 6 == 2;
    }

    private static void requireLength(String name, byte[] value, int expected) {
        if (value == null || value.length != expected) {
            throw new IllegalArgumentException(name + " must be " + expected + " bytes");
        }
    }
}
