package dev.sfu.media.engine;

import dev.sfu.media.ortc.RtpCapabilities;
import org.junit.jupiter.api.BeforeEach;

/**
 * Where most engine tests start: a fresh router with the default codecs and one recording "sender" transport,
 * driven by hand from {@link #T0}.
 */
abstract class RouterFixture {
    static final long T0 = 1_700_000_000_000L;

    final RecordingListeners listeners = new RecordingListeners();
    RtpCapabilities caps;
    Router router;
    RecordingTransport sender;

    @BeforeEach
    void setUpRouter() {
        caps = EngineFixtures.routerCaps();
        router = new Router("room", caps);
        sender = new RecordingTransport("sender", router, T0);
    }

    /** Another recording transport on the same router and clock. */
    RecordingTransport receiver(String id) {
        return new RecordingTransport(id, router, T0);
    }
}
