package dev.sfu.media.ice;

import dev.sfu.media.stun.StunClass;
import dev.sfu.media.stun.StunMessage;
import dev.sfu.media.stun.StunMessageBuilder;
import dev.sfu.media.transport.IceParameters;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The ICE-lite side of one transport (RFC 8445 section 2.5): it never sends checks, it answers the controlling
 * peer's Binding requests and follows its choice of pair.
 *
 * <p>The first valid check selects its source address tentatively ("connected") so DTLS can start; a check with
 * USE-CANDIDATE nominates its address ("completed") and, later, moves the selection when the peer's network
 * changes. Consent freshness (RFC 7675): when no valid check arrives from the selected address for the consent
 * timeout, the state becomes "disconnected". Confined to the media thread.
 */
public final class IceLiteAgent {
    /** Sends a STUN response to the address its request came from. */
    public interface StunSender {
        void send(byte[] datagram, InetSocketAddress to);
    }

    public interface Listener {
        void onIceStateChange(IceState state);

        /** The remote address media must now use; {@code previous} is null on the first selection. */
        void onSelectedAddressChange(InetSocketAddress previous, InetSocketAddress current);
    }

    private final IceParameters localParameters;
    private final byte[] localPasswordKey;
    private final String expectedUsernamePrefix;
    private final long consentTimeoutMillis;
    private final StunSender sender;
    private final Listener listener;
    private final IceCounters counters = new IceCounters();

    private IceState state = IceState.NEW;
    private InetSocketAddress selectedAddress;
    private long lastConsentMillis;
    private boolean nominatedOnce;

    public IceLiteAgent(IceParameters localParameters, Duration consentTimeout, StunSender sender,
                        Listener listener) {
        this.localParameters = Objects.requireNonNull(localParameters);
        this.localPasswordKey = localParameters.password().getBytes(StandardCharsets.UTF_8);
        this.expectedUsernamePrefix = localParameters.usernameFragment() + ":";
        this.consentTimeoutMillis = consentTimeout.toMillis();
        this.sender = sender;
        this.listener = listener;
    }

    /** An agent with fresh random credentials. */
    public static IceLiteAgent withRandomCredentials(Duration consentTimeout, StunSender sender, Listener listener) {
        IceParameters parameters = new IceParameters(IceCredentials.randomUfrag(), IceCredentials.randomPassword(),
                true);
        return new IceLiteAgent(parameters, consentTimeout, sender, listener);
    }

    public IceParameters localParameters() { return localParameters; }
    public IceState state() { return state; }
    public Optional<InetSocketAddress> selectedAddress() { return Optional.ofNullable(selectedAddress); }
    public IceCounters counters() { return counters; }

    /** Handles one STUN message that arrived from {@code from}. Invalid ones are counted and ignored. */
    public void handleStun(StunMessage message, InetSocketAddress from, long nowMillis) {
        if (state == IceState.CLOSED) {
            return;
        }
        if (!message.isBindingRequest()) {
            counters.notBindingRequests++;
            return;
        }
        if (!message.hasValidFingerprint()) {
            counters.fingerprintFailures++;
            return;
        }
        String username = message.username().orElse("");
        if (!username.startsWith(expectedUsernamePrefix) || username.length() == expectedUsernamePrefix.length()) {
            counters.usernameMismatches++;
            return;
        }
        if (!message.hasValidIntegrity(localPasswordKey)) {
            counters.integrityFailures++;
            return;
        }
        counters.validRequests++;
        answer(message, from);
        follow(from, message.useCandidate(), nowMillis);
    }

    /** Checks consent freshness; called periodically on the media thread. */
    public void onTick(long nowMillis) {
        boolean active = state == IceState.CONNECTED || state == IceState.COMPLETED;
        if (active && nowMillis - lastConsentMillis > consentTimeoutMillis) {
            setState(IceState.DISCONNECTED);
        }
    }

    public void close() {
        setState(IceState.CLOSED);
    }

    private void answer(StunMessage request, InetSocketAddress from) {
        byte[] response = new StunMessageBuilder(StunMessage.METHOD_BINDING, StunClass.SUCCESS_RESPONSE,
                request.transactionId())
                .xorMappedAddress(from)
                .build(localPasswordKey, true);
        sender.send(response, from);
        counters.responsesSent++;
    }

    private void follow(InetSocketAddress from, boolean nominated, long nowMillis) {
        if (selectedAddress == null) {
            select(from);
            lastConsentMillis = nowMillis;
            nominatedOnce = nominated;
            setState(nominated ? IceState.COMPLETED : IceState.CONNECTED);
            return;
        }
        if (from.equals(selectedAddress)) {
            lastConsentMillis = nowMillis;
            if (nominated) {
                nominatedOnce = true;
            }
            setState(nominatedOnce ? IceState.COMPLETED : IceState.CONNECTED);
            return;
        }
        if (nominated) {
            // The controlling peer nominated another pair, e.g. after its network changed: follow it.
            select(from);
            lastConsentMillis = nowMillis;
            nominatedOnce = true;
            setState(IceState.COMPLETED);
        }
    }

    private void select(InetSocketAddress address) {
        InetSocketAddress previous = selectedAddress;
        selectedAddress = address;
        if (previous != null) {
            counters.selectedAddressChanges++;
        }
        listener.onSelectedAddressChange(previous, address);
    }

    private void setState(IceState next) {
        if (state == next || state == IceState.CLOSED) {
            return;
        }
        state = next;
        listener.onIceStateChange(next);
    }
}
