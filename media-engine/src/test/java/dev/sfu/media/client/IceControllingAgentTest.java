package dev.sfu.media.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfu.media.ice.IceLiteAgent;
import dev.sfu.media.ice.IceState;
import dev.sfu.media.stun.StunClass;
import dev.sfu.media.stun.StunMessage;
import dev.sfu.media.stun.StunMessageBuilder;
import dev.sfu.media.stun.StunParseResult;
import dev.sfu.media.transport.IceParameters;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drives the client's controlling agent against the server's lite agent, byte for byte. */
class IceControllingAgentTest {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 5555);

    private final List<byte[]> toServer = new ArrayList<>();
    private final List<byte[]> toClient = new ArrayList<>();
    private final IceLiteAgent server = IceLiteAgent.withRandomCredentials(Duration.ofSeconds(30),
            (data, to) -> toClient.add(data), new IceLiteAgent.Listener() {
                @Override public void onIceStateChange(IceState state) { }
                @Override public void onSelectedAddressChange(InetSocketAddress p, InetSocketAddress c) { }
            });
    private int connectedCalls;
    private final IceControllingAgent client = new IceControllingAgent(server.localParameters(), toServer::add,
            () -> connectedCalls++);

    private static StunMessage parse(byte[] bytes) {
        return assertInstanceOf(StunParseResult.Parsed.class, StunMessage.parse(bytes, 0, bytes.length)).message();
    }

    @Test
    void checkCarriesIceAttributesAndIsAcceptedByTheLiteAgent() {
        client.onTick(0);
        StunMessage check = parse(toServer.get(0));
        assertEquals(server.localParameters().usernameFragment() + ":" + client.localParameters().usernameFragment(),
                check.username().orElseThrow());
        assertTrue(check.useCandidate());
        assertTrue(check.iceControlling().isPresent());
        assertEquals(IceControllingAgent.HOST_PRIORITY, check.priority().orElseThrow());

        server.handleStun(check, CLIENT, 0);
        assertEquals(IceState.COMPLETED, server.state());
        client.onStun(parse(toClient.get(0)), 1);
        assertTrue(client.connected());
        assertEquals(1, connectedCalls);
    }

    @Test
    void retriesUntilAnsweredThenOnlyConsentChecks() {
        client.onTick(0);
        client.onTick(50);
        client.onTick(100);
        assertEquals(2, client.checksSent(), "retry after 100 ms");
        server.handleStun(parse(toServer.get(1)), CLIENT, 100);
        client.onStun(parse(toClient.get(0)), 100);
        client.onTick(200);
        assertEquals(2, client.checksSent(), "no retry once connected");
        client.onTick(100 + IceControllingAgent.CONSENT_INTERVAL_MILLIS);
        assertEquals(3, client.checksSent(), "consent check");
    }

    @Test
    void forgedOrUnsolicitedResponsesAreRejected() {
        client.onTick(0);
        StunMessage check = parse(toServer.get(0));
        byte[] forged = new StunMessageBuilder(StunMessage.METHOD_BINDING, StunClass.SUCCESS_RESPONSE,
                check.transactionId()).xorMappedAddress(CLIENT).build("wrong-password".getBytes(), true);
        client.onStun(parse(forged), 1);
        byte[] unsolicited = new StunMessageBuilder(StunMessage.METHOD_BINDING, StunClass.SUCCESS_RESPONSE,
                StunMessageBuilder.randomTransactionId()).build(
                server.localParameters().password().getBytes(), true);
        client.onStun(parse(unsolicited), 1);
        assertFalse(client.connected());
        assertEquals(2, client.invalidResponses());
    }

    @Test
    void localCredentialsAreNotLite() {
        IceParameters local = client.localParameters();
        assertFalse(local.iceLite());
        assertTrue(local.password().length() >= 22);
    }
}
