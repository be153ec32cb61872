package dev.sfu.media.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfu.media.stun.StunClass;
import dev.sfu.media.stun.StunMessage;
import dev.sfu.media.stun.StunMessageBuilder;
import dev.sfu.media.stun.StunParseResult;
import dev.sfu.media.transport.IceParameters;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IceLiteAgentTest {
    private static final IceParameters LOCAL = new IceParameters("srvUfrag1234", "serverPassword0123456789abc", true);
    private static final InetSocketAddress WIFI = new InetSocketAddress("127.0.0.1", 5000);
    private static final InetSocketAddress LTE = new InetSocketAddress("127.0.0.2", 6000);

    private final List<byte[]> sent = new ArrayList<>();
    private final List<InetSocketAddress> sentTo = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final IceLiteAgent agent = new IceLiteAgent(LOCAL, Duration.ofSeconds(30),
            (data, to) -> { sent.add(data); sentTo.add(to); },
            new IceLiteAgent.Listener() {
                @Override
                public void onIceStateChange(IceState state) {
                    events.add(state.wireName());
                }

                @Override
                public void onSelectedAddressChange(InetSocketAddress previous, InetSocketAddress current) {
                    events.add("selected " + current.getPort());
                }
            });

    private static byte[] check(String username, String password, boolean useCandidate) {
        StunMessageBuilder b = new StunMessageBuilder(StunMessage.METHOD_BINDING, StunClass.REQUEST,
                StunMessageBuilder.randomTransactionId())
                .username(username).priority(1845501695L).iceControlling(7L);
        if (useCandidate) {
            b.useCandidate();
        }
        return b.build(password.getBytes(StandardCharsets.UTF_8), true);
    }

    private static StunMessage parse(byte[] bytes) {
        return assertInstanceOf(StunParseResult.Parsed.class, StunMessage.parse(bytes, 0, bytes.length)).message();
    }

    private void deliver(byte[] bytes, InetSocketAddress from, long now) {
        agent.handleStun(parse(bytes), from, now);
    }

    @Test
    void validRequestIsAnsweredWithMappedAddressIntegrityAndFingerprint() {
        byte[] request = check("srvUfrag1234:cli1", LOCAL.password(), false);
        deliver(request, WIFI, 0);
        assertEquals(1, sent.size());
        assertEquals(WIFI, sentTo.get(0));
        StunMessage response = parse(sent.get(0));
        assertEquals(StunClass.SUCCESS_RESPONSE, response.messageClass());
        assertEquals(parse(request).transactionId().length, response.transactionId().length);
        assertEquals(new String(parse(request).transactionId(), StandardCharsets.ISO_8859_1),
                new String(response.transactionId(), StandardCharsets.ISO_8859_1));
        assertEquals(WIFI, response.xorMappedAddress().orElseThrow());
        assertTrue(response.hasValidIntegrity(LOCAL.password().getBytes(StandardCharsets.UTF_8)));
        assertTrue(response.hasValidFingerprint());
        assertEquals(IceState.CONNECTED, agent.state());
        assertEquals(List.of("selected 5000", "connected"), events);
    }

    @Test
    void badIntegrityWrongUsernameAndNonRequestsAreIgnoredAndCounted() {
        deliver(check("srvUfrag1234:cli1", "not-the-password-at-all-xx", true), WIFI, 0);
        deliver(check("otherUfrag:cli1", LOCAL.password(), true), WIFI, 0);
        deliver(check("srvUfrag1234:", LOCAL.password(), true), WIFI, 0);
        byte[] indication = new StunMessageBuilder(StunMessage.METHOD_BINDING, StunClass.INDICATION,
                StunMessageBuilder.randomTransactionId()).build(null, true);
        deliver(indication, WIFI, 0);
        byte[] noFingerprint = new StunMessageBuilder(StunMessage.METHOD_BINDING, StunClass.REQUEST,
                StunMessageBuilder.randomTransactionId()).username("srvUfrag1234:cli1")
                .build(LOCAL.password().getBytes(StandardCharsets.UTF_8), false);
        deliver(noFingerprint, WIFI, 0);

        assertTrue(sent.isEmpty());
        assertEquals(IceState.NEW, agent.state());
        assertEquals(1, agent.counters().integrityFailures());
        assertEquals(2, agent.counters().usernameMismatches());
        assertEquals(1, agent.counters().notBindingRequests());
        assertEquals(1, agent.counters().fingerprintFailures());
        assertTrue(agent.selectedAddress().isEmpty());
    }

    @Test
    void useCandidateSelectsThePairAndCompletes() {
        deliver(check("srvUfrag1234:cli1", LOCAL.password(), false), WIFI, 0);
        deliver(check("srvUfrag1234:cli1", LOCAL.password(), true), WIFI, 10);
        assertEquals(IceState.COMPLETED, agent.state());
        assertEquals(WIFI, agent.selectedAddress().orElseThrow());
        assertEquals(List.of("selected 5000", "connected", "completed"), events);
    }

    @Test
    void consentExpiresWithoutValidChecks() {
        deliver(check("srvUfrag1234:cli1", LOCAL.password(), true), WIFI, 1_000);
        agent.onTick(20_000);
        deliver(check("srvUfrag1234:cli1", LOCAL.password(), false), WIFI, 20_000);
        agent.onTick(45_000);
        assertEquals(IceState.COMPLETED, agent.state(), "refreshed at 20 s");
        // Checks with a bad password do not refresh consent.
        deliver(check("srvUfrag1234:cli1", "wrong-password-wrong-password", false), WIFI, 40_000);
        agent.onTick(50_001);
        assertEquals(IceState.DISCONNECTED, agent.state());
    }

    @Test
    void nominationFromANewAddressMovesTheSelection() {
        deliver(check("srvUfrag1234:cli1", LOCAL.password(), true), WIFI, 0);
        // A plain check from elsewhere is answered but does not move media.
        deliver(check("srvUfrag1234:cli1", LOCAL.password(), false), LTE, 5);
        assertEquals(WIFI, agent.selectedAddress().orElseThrow());
        deliver(check("srvUfrag1234:cli1", LOCAL.password(), true), LTE, 10);
        assertEquals(LTE, agent.selectedAddress().orElseThrow());
        assertEquals(IceState.COMPLETED, agent.state());
        assertEquals(1, agent.counters().selectedAddressChanges());
        assertEquals(List.of("selected 5000", "completed", "selected 6000"), events);
        assertEquals(3, sent.size());
    }

    @Test
    void closedAgentIgnoresEverything() {
        agent.close();
        deliver(check("srvUfrag1234:cli1", LOCAL.password(), true), WIFI, 0);
        assertTrue(sent.isEmpty());
        assertEquals(IceState.CLOSED, agent.state());
    }

    @Test
    void randomCredentialsMeetTheRfcMinimums() {
        IceLiteAgent a = IceLiteAgent.withRandomCredentials(Duration.ofSeconds(30), (d, t) -> { }, null);
        assertTrue(a.localParameters().usernameFragment().length() >= 4);
        assertTrue(a.localParameters().password().length() >= 22);
        assertTrue(a.localParameters().usernameFragment().matches("[A-Za-z0-9+/]+"));
        assertTrue(a.localParameters().iceLite());
    }
}
