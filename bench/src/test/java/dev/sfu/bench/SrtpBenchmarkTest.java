package dev.sfu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfu.media.srtp.SrtpProfile;
import org.junit.jupiter.api.Test;

/** Drives the SRTP benchmark's states and methods by hand, the way JMH does. */
class SrtpBenchmarkTest {
    private final SrtpBenchmark benchmark = new SrtpBenchmark();
    private final CpuTime cpu = new CpuTime();

    @Test
    void unprotectDecryptsEveryFreshPacketOfEveryBatch() {
        SrtpBenchmark.ProtectedPackets s = configure(new SrtpBenchmark.ProtectedPackets(),
                SrtpProfile.AES128_CM_HMAC_SHA1_80, 1200);
        for (int batch = 0; batch < 3; batch++) {
            s.refill();
            long bytes = benchmark.unprotect(s, cpu);
            s.afterInvocation();
            assertEquals((long) SrtpBenchmark.BATCH * (SampleStream.HEADER_LENGTH + 1200), bytes);
        }
        s.checkNothingWasDropped();
        assertEquals(2L * SrtpBenchmark.BATCH, cpu.cpuOps, "the copy trails by the invocation in progress");
    }

    @Test
    void protectGrowsEveryPacketByTheAuthTag() {
        SrtpBenchmark.PlainPackets s = configure(new SrtpBenchmark.PlainPackets(), SrtpProfile.AEAD_AES_128_GCM, 160);
        s.refill();
        long bytes = benchmark.protect(s, cpu);
        assertEquals((long) SrtpBenchmark.BATCH * (SampleStream.HEADER_LENGTH + 160 + 16), bytes);
        s.checkNothingWasDropped();
    }

    @Test
    void aReplayedBatchFailsTheIterationInsteadOfLookingFast() {
        SrtpBenchmark.ProtectedPackets s = configure(new SrtpBenchmark.ProtectedPackets(),
                SrtpProfile.AEAD_AES_128_GCM, 160);
        s.refill();
        byte[][] wire = new byte[SrtpBenchmark.BATCH][];
        for (int i = 0; i < wire.length; i++) {
            wire[i] = s.ring[i].toByteArray();
        }
        benchmark.unprotect(s, cpu);
        for (int i = 0; i < wire.length; i++) {
            s.ring[i].copyFrom(wire[i], 0, wire[i].length);
        }
        assertEquals(0, benchmark.unprotect(s, cpu));
        assertThrows(IllegalStateException.class, s::checkNothingWasDropped);
    }

    private static <S extends SrtpBenchmark.Packets> S configure(S s, SrtpProfile profile, int payloadSize) {
        s.profile = profile;
        s.payloadSize = payloadSize;
        s.aes = "SunJCE";
        s.createSessions();
        s.startIteration();
        return s;
    }

}
