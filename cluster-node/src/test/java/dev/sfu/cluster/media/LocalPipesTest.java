package dev.sfu.cluster.media;

import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.engine.MediaEngineConfig;
import dev.sfu.media.engine.Producer;
import dev.sfu.media.engine.Router;
import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.RtcpParameters;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.srtp.SrtpProfile;
import dev.sfu.media.transport.WebRtcTransport;
import dev.sfu.signaling.api.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two members' pipe bookkeeping on two real engines: home "a" sends, member "b" receives. */
class LocalPipesTest {
    private MediaEngine engineA;
    private MediaEngine engineB;
    private LocalPipes pipesA;
    private LocalPipes pipesB;
    private final List<String> heardA = new CopyOnWriteArrayList<>();
    private final List<String> heardB = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        engineA = MediaEngine.start(MediaEngineConfig.of("127.0.0.1", 0, "127.0.0.1"));
        engineB = MediaEngine.start(MediaEngineConfig.of("127.0.0.1", 0, "127.0.0.1"));
        pipesA = new LocalPipes(engineA, "a", SrtpProfile.AES128_CM_HMAC_SHA1_80, address(engineA), listener(heardA));
        pipesB = new LocalPipes(engineB, "b", SrtpProfile.AES128_CM_HMAC_SHA1_80, address(engineB), listener(heardB));
    }

    @AfterEach
    void stop() {
        engineA.close();
        engineB.close();
    }

    @Test
    void oneTransportPerRoomAndDirectionCarriesEveryProducerAndClosesWithTheLast() throws Exception {
        Router routerA = on(engineA, () -> engineA.createRouter("room"));
        Router routerB = on(engineB, () -> engineB.createRouter("room"));
        Producer first = produce(routerA, 1001L);
        Producer second = produce(routerA, 1002L);
        InetSocketAddress toB = new InetSocketAddress("127.0.0.1", engineB.localAddress().getPort());

        PipeOffer offer1 = on(engineA, () -> pipesA.openOutgoing(routerA, "room", first, "b", toB));
        PipeOffer again = on(engineA, () -> pipesA.openOutgoing(routerA, "room", first, "b", toB));
        PipeOffer offer2 = on(engineA, () -> pipesA.openOutgoing(routerA, "room", second, "b", toB));
        assertEquals(offer1, again, "asking twice gives the same pipe");
        assertEquals(offer1.transportId(), offer2.transportId(), "one transport for the room");
        assertNotNull(offer1.keys());
        assertEquals(address(engineA), offer1.homeMediaAddress());
        assertEquals(List.of("b"), on(engineA, () -> pipesA.pipedTo(first.id())));

        Producer copy1 = on(engineB, () -> pipesB.openIncoming(routerB, offer1));
        assertSame(copy1, on(engineB, () -> pipesB.openIncoming(routerB, offer1)));
        on(engineB, () -> pipesB.openIncoming(routerB, offer2));
        assertEquals(first.id(), copy1.id());
        assertTrue(on(engineB, () -> routerB.producer(first.id()).isPresent()));
        assertEquals(1, ((List<?>) on(engineB, pipesB::stats).get("incoming")).size());

        on(engineA, () -> {
            pipesA.closeOutgoing(first.id(), "b");
            return null;
        });
        assertEquals(List.of("closed " + first.id() + " to b"), heardA);
        assertEquals(1, ((List<?>) on(engineA, pipesA::stats).get("outgoing")).size());
        on(engineA, () -> {
            pipesA.closeOutgoing(second.id(), "b");
            return null;
        });
        assertTrue(((List<?>) on(engineA, pipesA::stats).get("outgoing")).isEmpty(), "closed with its last consumer");

        assertTrue(on(engineB, () -> pipesB.closeIncoming(first.id(), LocalPipes.REASON_RELEASED)));
        assertFalse(on(engineB, () -> pipesB.closeIncoming(first.id(), LocalPipes.REASON_RELEASED)));
        on(engineB, () -> {
            pipesB.closeAllFrom("a", LocalPipes.REASON_HOME_GONE);
            return null;
        });
        assertEquals(List.of("closed " + first.id() + " from a: released", "closed " + second.id() + " from a: home member gone"),
                heardB);
        assertTrue(((List<?>) on(engineB, pipesB::stats).get("incoming")).isEmpty());
    }

    @Test
    void aBadMediaAddressIsABadRequest() {
        ApiException e = assertThrows(ApiException.class, () -> LocalPipes.address("no-port"));
        assertEquals(400, e.status());
        assertEquals(new InetSocketAddress("127.0.0.1", 40001), LocalPipes.address("127.0.0.1:40001"));
    }

    private Producer produce(Router router, long ssrc) throws Exception {
        return on(engineA, () -> {
            WebRtcTransport t = engineA.createWebRtcTransport(router, MediaIds.newId("a"), new WebRtcTransport.Listener() {
                @Override
                public void onIceStateChange(WebRtcTransport transport, String state) {
                }

                @Override
                public void onDtlsStateChange(WebRtcTransport transport, String state) {
                }

                @Override
                public void onTransportClosed(WebRtcTransport transport, String reason) {
                }
            });
            return t.produce(MediaIds.newId("a"), MediaKind.fromWire("audio"), opus(ssrc), p -> { });
        });
    }

    private static RtpParameters opus(long ssrc) {
        return new RtpParameters("0",
                List.of(new RtpCodecParameters("audio/opus", 111, 48000, 2, Map.of(), List.of())),
                List.of(), List.of(new RtpEncodingParameters(ssrc, null, null, null, null, null, null)),
                new RtcpParameters("cname", true, null));
    }

    private static LocalPipes.Listener listener(List<String> heard) {
        return new LocalPipes.Listener() {
            @Override
            public void pipeConsumerClosed(String room, String producerId, String member) {
                heard.add("closed " + producerId + " to " + member);
            }

            @Override
            public void pipeProducerClosed(String room, String producerId, String home, String reason) {
                heard.add("closed " + producerId + " from " + home + ": " + reason);
            }
        };
    }

    private static String address(MediaEngine engine) {
        return "127.0.0.1:" + engine.localAddress().getPort();
    }

    private static <T> T on(MediaEngine engine, Callable<T> work) throws Exception {
        return engine.submit(work).get(10, TimeUnit.SECONDS);
    }
}
