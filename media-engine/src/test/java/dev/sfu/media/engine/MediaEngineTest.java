package dev.sfu.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfu.media.net.MediaSocketException;
import dev.sfu.media.transport.WebRtcTransport;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MediaEngineTest {
    private static final WebRtcTransport.Listener NO_LISTENER = new WebRtcTransport.Listener() {
        @Override public void onIceStateChange(WebRtcTransport t, String s) { }
        @Override public void onDtlsStateChange(WebRtcTransport t, String s) { }
        @Override public void onTransportClosed(WebRtcTransport t, String reason) { }
    };

    @Test
    void takenPortFailsWithAMessageNamingIt() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int port = taken.getLocalPort();
            MediaSocketException e = assertThrows(MediaSocketException.class,
                    () -> MediaEngine.start(MediaEngineConfig.of("127.0.0.1", port, "127.0.0.1")));
            assertTrue(e.getMessage().contains(String.valueOf(port)), e.getMessage());
        }
    }

    @Test
    void closeReleasesThePort() throws Exception {
        MediaEngine engine = MediaEngine.start(MediaEngineConfig.of("127.0.0.1", 0, "127.0.0.1"));
        int port = engine.localAddress().getPort();
        engine.close();
        engine.close(); // idempotent
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void submitRunsOnTheMediaThreadAndTransportsAreCreatedThere() throws Exception {
        try (MediaEngine engine = MediaEngine.start(MediaEngineConfig.of("127.0.0.1", 0, "10.0.0.7"))) {
            String thread = engine.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
            assertTrue(thread.startsWith("media"), thread);

            assertThrows(IllegalStateException.class, () -> engine.createRouter("r0"));
            Router router = engine.submit(() -> engine.createRouter("r1")).get(5, TimeUnit.SECONDS);
            assertEquals(router, engine.submit(() -> engine.router("r1").orElseThrow()).get());
            assertTrue(router.rtpCapabilities().codecs().size() > 0);
            WebRtcTransport t = engine.submit(() -> engine.createWebRtcTransport(router, "t1", NO_LISTENER))
                    .get(5, TimeUnit.SECONDS);
            assertEquals(List.of(t), List.copyOf(router.transports()));
            assertEquals("10.0.0.7", t.iceCandidates().get(0).ip());
            assertEquals(engine.localAddress().getPort(), t.iceCandidates().get(0).port());
            assertEquals("auto", t.dtlsParameters().role());
            assertEquals(engine.fingerprints(), t.dtlsParameters().fingerprints());
            assertTrue(t.iceParameters().iceLite());
            assertEquals("new", t.iceState());
            assertEquals("new", t.dtlsState());
            assertEquals(1, engine.submit(() -> engine.stats().transports()).get().intValue());

            ExecutionException duplicate = assertThrows(ExecutionException.class,
                    () -> engine.submit(() -> engine.createWebRtcTransport(router, "t1", NO_LISTENER)).get());
            assertInstanceOf(IllegalArgumentException.class, duplicate.getCause());

            engine.submit(() -> { router.close(); return null; }).get();
            assertEquals(0, engine.submit(() -> engine.stats().transports()).get().intValue());
            assertEquals("closed", engine.submit(t::iceState).get());
            assertTrue(engine.submit(() -> engine.router("r1").isEmpty()).get());
        }
    }

    @Test
    void failingTaskCompletesExceptionally() throws Exception {
        try (MediaEngine engine = MediaEngine.start(MediaEngineConfig.of("127.0.0.1", 0, "127.0.0.1"))) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> engine.submit(() -> { throw new IllegalStateException("nope"); }).get());
            assertEquals("nope", e.getCause().getMessage());
            assertEquals("ok", engine.submit(() -> "ok").get()); // the media thread survived
        }
    }

    @Test
    void loopbackAddressIsBound() throws Exception {
        try (MediaEngine engine = MediaEngine.start(MediaEngineConfig.of("127.0.0.1", 0, "127.0.0.1"))) {
            assertEquals(InetAddress.getByName("127.0.0.1"), engine.localAddress().getAddress());
        }
    }
}
