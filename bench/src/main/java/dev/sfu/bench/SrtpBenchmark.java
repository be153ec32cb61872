package dev.sfu.bench;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.srtp.SrtpProfile;
import dev.sfu.media.srtp.SrtpSession;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SRTP protect and unprotect of one RTP packet per operation, through {@link SrtpSession} (jitsi-srtp
 * underneath), for both profiles we negotiate and for audio-sized and video-sized payloads.
 *
 * <p>Both transforms work in place, and unprotect refuses a packet it has seen (replay protection). So each
 * invocation works through a batch of {@link #BATCH} packets with increasing sequence numbers, prepared before
 * the invocation and outside the measured time (written, and for unprotect protected by the browser's end of the
 * same association). The SFU's session lives for the whole trial and only ever sees fresh packets, as on the
 * wire; with a batch of hundreds of microseconds the per-invocation timer overhead is negligible. CPU time per
 * invocation is kept beside JMH's wall-clock time (see {@link CpuStopwatch}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SrtpBenchmark {
    static final int BATCH = 512;

    @State(Scope.Thread)
    public static class Packets {
        @Param({"AES128_CM_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
        SrtpProfile profile;

        /** Payload bytes after a 28-byte header: 160 is a 20 ms opus frame, 1200 a full video packet. */
        @Param({"160", "1200"})
        int payloadSize;

        /** jitsi-srtp's AES: SunJCE, as a member by default; {@code -p aes=SunJCE,OpenSSL} compares the two. */
        @Param({"SunJCE"})
        String aes;

        SrtpSession sfu;
        BrowserSender browser;
        final PacketBuffer[] ring = BrowserSender.newRing(BATCH);
        final CpuStopwatch cpu = new CpuStopwatch();

        @Setup(Level.Trial)
        public void createSessions() {
            AesBackend.use(aes);
            SrtpKeys keys = new SrtpKeys(profile, 42);
            sfu = keys.sfuSession();
            browser = new BrowserSender(SampleStream.AUDIO, keys.browserSession(), payloadSize);
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            cpu.reset();
        }

        @TearDown(Level.Invocation)
        public void afterInvocation() {
            cpu.stop(BATCH);
        }

        @TearDown(Level.Iteration)
        public void checkNothingWasDropped() {
            long drops = sfu.counters().authFailures() + sfu.counters().replayDrops() + sfu.counters().otherDrops();
            if (drops != 0) {
                throw new IllegalStateException("the benchmark measured drops, not work: " + sfu.counters());
            }
        }
    }

    /** Fresh plain packets for {@link #protect}. */
    @State(Scope.Thread)
    public static class PlainPackets extends Packets {
        @Setup(Level.Invocation)
        public void refill() {
            for (PacketBuffer p : ring) {
                browser.writePlain(p, false);
            }
            cpu.start();
        }
    }

    /** Fresh packets protected by the browser, for {@link #unprotect}. */
    @State(Scope.Thread)
    public static class ProtectedPackets extends Packets {
        @Setup(Level.Invocation)
        public void refill() {
            browser.refillProtected(ring);
            cpu.start();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long protect(PlainPackets s, CpuTime cpu) {
        long bytes = 0;
        for (PacketBuffer p : s.ring) {
            if (s.sfu.protectRtp(p)) {
                bytes += p.getLength();
            }
        }
        cpu.copyFrom(s.cpu);
        return bytes;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long unprotect(ProtectedPackets s, CpuTime cpu) {
        long bytes = 0;
        for (PacketBuffer p : s.ring) {
            if (s.sfu.unprotectRtp(p)) {
                bytes += p.getLength();
            }
        }
        cpu.copyFrom(s.cpu);
        return bytes;
    }
}
