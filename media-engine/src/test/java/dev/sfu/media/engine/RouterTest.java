package dev.sfu.media.engine;

import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.RtpCapabilities;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterTest {
    private final RecordingListeners listeners = new RecordingListeners();

    @Test
    void answersCanConsumeFromTheDevicesCapabilities() {
        RtpCapabilities caps = EngineFixtures.routerCaps();
        Router router = new Router("room", caps);
        RecordingTransport t = new RecordingTransport("t", router, 0);
        t.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        assertTrue(router.canConsume("cam", caps));
        RtpCapabilities audioOnly = new RtpCapabilities(
                caps.codecs().stream().filter(c -> c.kind().equals("audio")).toList(), caps.headerExtensions());
        assertFalse(router.canConsume("cam", audioOnly));
        assertFalse(router.canConsume("nope", caps));
        assertEquals("room", router.id());
        assertEquals(caps, router.rtpCapabilities());
    }

    @Test
    void closeClosesEveryTransport() {
        Router router = new Router("room", EngineFixtures.routerCaps());
        RecordingTransport a = new RecordingTransport("a", router, 0);
        RecordingTransport b = new RecordingTransport("b", router, 0);
        assertEquals(List.of(a, b), List.copyOf(router.transports()));
        Producer p = a.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        b.consume("c", p, router.rtpCapabilities(), false, listeners);
        router.close();
        assertTrue(a.closed() && b.closed() && router.closed());
        assertEquals(0, router.transports().size());
        assertTrue(listeners.events.contains("producer closed mic"));
        assertThrows(IllegalStateException.class, () -> new RecordingTransport("late", router, 0));
    }

    @Test
    void generatesDistinctNonZeroSsrcs() {
        Router router = new Router("room", EngineFixtures.routerCaps());
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            long ssrc = router.generateSsrc();
            assertTrue(ssrc > 0 && ssrc <= 0xFFFFFFFFL);
            assertTrue(seen.add(ssrc));
        }
    }
}
