package dev.sfu.media.client;

import dev.sfu.media.ice.IceCredentials;
import dev.sfu.media.stun.StunClass;
import dev.sfu.media.stun.StunMessage;
import dev.sfu.media.stun.StunMessageBuilder;
import dev.sfu.media.transport.IceParameters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The controlling side of ICE towards one ICE-lite server with one candidate: it sends Binding requests with
 * USE-CANDIDATE (aggressive nomination) until one succeeds, then a consent check every few seconds (RFC 7675).
 * Confined to the client's event-loop thread.
 */
final class IceControllingAgent {
    /** Retransmit interval until the first success. */
    static final long RETRY_INTERVAL_MILLIS = 100;
    /** Consent check interval once connected (RFC 7675 asks for about 5 s, randomized; we keep it shorter). */
    static final long CONSENT_INTERVAL_MILLIS = 1_000;
    /** RFC 8445 section 5.1.2.1 priority of a host candidate with local preference 65535, component 1. */
    static final long HOST_PRIORITY = (126L << 24) | (65535L << 8) | 255;

    private final IceParameters local;
    private final IceParameters remote;
    private final byte[] remotePasswordKey;
    private final long tieBreaker = new SecureRandom().nextLong();
    private final Consumer<byte[]> sender;
    private final Runnable onConnected;
    /** Transaction ids of checks sent and not answered yet (bounded: old ones are forgotten). */
    private final Set<ByteBuffer> outstanding = new HashSet<>();

    private boolean connected;
    private long lastSentMillis = Long.MIN_VALUE / 2;
    private long lastSuccessMillis;
    private long checksSent;
    private long successes;
    private long invalidResponses;

    IceControllingAgent(IceParameters remote, Consumer<byte[]> sender, Runnable onConnected) {
        this.local = new IceParameters(IceCredentials.randomUfrag(), IceCredentials.randomPassword(), false);
        this.remote = remote;
        this.remotePasswordKey = remote.password().getBytes(StandardCharsets.UTF_8);
        this.sender = sender;
        this.onConnected = onConnected;
    }

    IceParameters localParameters() { return local; }
    boolean connected() { return connected; }
    long checksSent() { return checksSent; }
    long successes() { return successes; }
    long invalidResponses() { return invalidResponses; }
    long lastSuccessMillis() { return lastSuccessMillis; }

    /** Sends a check when one is due. */
    void onTick(long nowMillis) {
        long interval = connected ? CONSENT_INTERVAL_MILLIS : RETRY_INTERVAL_MILLIS;
        if (nowMillis - lastSentMillis >= interval) {
            sendCheck(nowMillis);
        }
    }

    /** Handles a STUN message from the server; only answers to our own checks count. */
    void onStun(StunMessage message, long nowMillis) {
        if (message.method() != StunMessage.METHOD_BINDING
                || !outstanding.remove(ByteBuffer.wrap(message.transactionId()))) {
            invalidResponses++;
            return;
        }
        boolean valid = message.messageClass() == StunClass.SUCCESS_RESPONSE
                && message.hasValidFingerprint() && message.hasValidIntegrity(remotePasswordKey);
        if (!valid) {
            invalidResponses++;
            return;
        }
        successes++;
        lastSuccessMillis = nowMillis;
        if (!connected) {
            connected = true;
            onConnected.run();
        }
    }

    private void sendCheck(long nowMillis) {
        byte[] transactionId = StunMessageBuilder.randomTransactionId();
        byte[] request = new StunMessageBuilder(StunMessage.METHOD_BINDING, StunClass.REQUEST, transactionId)
                .username(remote.usernameFragment() + ":" + local.usernameFragment())
                .priority(HOST_PRIORITY)
                .iceControlling(tieBreaker)
                .useCandidate()
                .build(remotePasswordKey, true);
        if (outstanding.size() > 64) {
            outstanding.clear();
        }
        outstanding.add(ByteBuffer.wrap(transactionId));
        lastSentMillis = nowMillis;
        checksSent++;
        sender.accept(request);
    }
}
