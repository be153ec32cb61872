package dev.sfu.bench;

import dev.sfu.media.engine.Producer;
import dev.sfu.media.engine.Router;
import dev.sfu.media.ortc.Ortc;
import dev.sfu.media.ortc.RouterCodecs;
import dev.sfu.media.packet.PacketBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One incoming SRTP packet fanned out to N consumers through the SFU's real path: the publisher's transport
 * decrypts it, finds the producer stream, the producer normalises and caches it, and each consumer copies it,
 * rewrites SSRC, payload type, sequence number, timestamp and extension ids, and its transport encrypts the copy
 * with that subscriber's keys. The socket write is left out (a {@link PacketSink} takes the bytes).
 *
 * <p>Primary figure: time per incoming packet. Secondary figure "packets": time per delivered packet.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class FanOutBenchmark {

    @State(Scope.Thread)
    public static class Sfu extends FanOutState {
        DiscardingTransport publisher;

        @Override
        void build(SrtpKeys publisherKeys, SrtpKeys[] subscriberKeys) {
            Router router = new Router("bench", Ortc.generateRouterRtpCapabilities(RouterCodecs.defaultMediaCodecs()));
            publisher = new DiscardingTransport("publisher", router, publisherKeys.sfuSession(), new PacketSink());
            Producer producer = publisher.produce("producer", stream.kind(), stream.producerParameters(),
                    QuietListeners.INSTANCE);
            for (int i = 0; i < subscriberKeys.length; i++) {
                DiscardingTransport subscriber = new DiscardingTransport("subscriber-" + i, router,
                        subscriberKeys[i].sfuSession(), sink);
                // The router's capabilities stand in for the subscriber device's: it can receive every codec.
                subscriber.consume("consumer-" + i, producer, router.rtpCapabilities(), false,
                        QuietListeners.INSTANCE);
            }
        }

        @Override
        boolean receive(PacketBuffer srtp) {
            return publisher.receiveSrtp(srtp);
        }

        @Override
        long receiveDrops() {
            var c = publisher.srtp().counters();
            return c.authFailures() + c.replayDrops() + c.otherDrops();
        }
    }

    @Benchmark
    @OperationsPerInvocation(FanOutState.BATCH)
    public void fanOut(Sfu sfu, Delivered delivered, CpuTime cpu) {
        delivered.packets += sfu.deliverBatch();
        cpu.copyFrom(sfu.cpu);
    }
}
