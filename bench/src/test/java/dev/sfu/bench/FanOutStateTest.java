package dev.sfu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfu.media.srtp.SrtpProfile;
import org.junit.jupiter.api.Test;

/** Drives the benchmark states by hand, the way JMH does, past the point where sequence numbers wrap. */
class FanOutStateTest {
    /** More than 32768 (the rewriter's cut-off) and 65536 (sequence-number wrap). */
    private static final int PACKETS = 70_000;

    @Test
    void theSfuDeliversEveryVideoPacketToEveryConsumer() {
        FanOutBenchmark.Sfu sfu = configure(new FanOutBenchmark.Sfu(), 3, SampleStream.VIDEO);
        long delivered = run(sfu);
        assertEquals(3L * PACKETS, delivered);
    }

    @Test
    void theSfuDeliversEveryAudioPacketWithCmToo() {
        FanOutBenchmark.Sfu sfu = configure(new FanOutBenchmark.Sfu(), 2, SampleStream.AUDIO);
        sfu.profile = SrtpProfile.AES128_CM_HMAC_SHA1_80;
        assertEquals(2L * PACKETS, run(sfu));
    }

    @Test
    void theMinimalForwarderDeliversEveryPacketToEverySubscriber() {
        MinimalForwarderBenchmark.Minimal minimal = configure(new MinimalForwarderBenchmark.Minimal(), 4,
                SampleStream.AUDIO);
        assertEquals(4L * PACKETS, run(minimal));
    }

    private static <S extends FanOutState> S configure(S state, int consumers, SampleStream stream) {
        state.consumers = consumers;
        state.stream = stream;
        state.profile = SrtpProfile.AEAD_AES_128_GCM;
        return state;
    }

    /** Setup, then batches with their per-invocation setup and teardown, then the iteration's delivery check. */
    private static long run(FanOutState state) {
        state.createForwarder();
        state.startIteration();
        long delivered = 0;
        for (int i = 0; i < PACKETS / FanOutState.BATCH; i++) {
            state.refill();
            delivered += state.deliverBatch();
            state.afterInvocation();
        }
        state.checkEveryPacketDelivered();
        assertEquals(PACKETS / FanOutState.BATCH * FanOutState.BATCH, state.cpu.ops());
        return delivered;
    }
}
