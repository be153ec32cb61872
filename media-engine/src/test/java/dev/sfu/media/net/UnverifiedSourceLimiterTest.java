package dev.sfu.media.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UnverifiedSourceLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final UnverifiedSourceLimiter limiter = new UnverifiedSourceLimiter(10, 5, 3, now::get);

    @Test
    void aBurstIsAllowedThenTheRestIsDroppedUntilTokensRefill() throws Exception {
        InetAddress flooder = InetAddress.getByName("192.0.2.1");
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.allow(flooder), "burst packet " + i);
        }
        assertFalse(limiter.allow(flooder));
        assertFalse(limiter.allow(flooder));
        assertEquals(2, limiter.dropped());
        assertEquals(1, limiter.sourcesLimited(), "one source went over its budget once");

        now.addAndGet(100_000_000L); // 0.1 s at 10/s: one token
        assertTrue(limiter.allow(flooder));
        assertFalse(limiter.allow(flooder));
    }

    @Test
    void oneSourceOverItsBudgetDoesNotLimitAnother() throws Exception {
        InetAddress flooder = InetAddress.getByName("192.0.2.1");
        InetAddress browser = InetAddress.getByName("192.0.2.2");
        for (int i = 0; i < 100; i++) {
            limiter.allow(flooder);
        }
        assertTrue(limiter.allow(browser));
        assertEquals(95, limiter.dropped());
    }

    @Test
    void theTableStaysBoundedUnderManySources() throws Exception {
        for (int i = 1; i <= 50; i++) {
            limiter.allow(InetAddress.getByName("198.51.100." + i));
        }
        assertEquals(3, limiter.trackedSources());
    }

    @Test
    void tokensNeverExceedTheBurstAfterALongQuietSpell() throws Exception {
        InetAddress source = InetAddress.getByName("192.0.2.3");
        limiter.allow(source);
        now.addAndGet(3_600_000_000_000L);
        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            allowed += limiter.allow(source) ? 1 : 0;
        }
        assertEquals(5, allowed);
    }
}
