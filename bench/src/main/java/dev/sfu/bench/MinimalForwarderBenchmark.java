package dev.sfu.bench;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.srtp.SrtpSession;
import java.util.ArrayList;
import java.util.List;
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
 * The baseline for {@link FanOutBenchmark}: the same packets, keys and subscribers, forwarded by
 * {@link MinimalForwarder} (decrypt once, copy and encrypt per subscriber, nothing else). FanOut / this, at the
 * same N and stream, is the SFU's overhead factor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class MinimalForwarderBenchmark {

    @State(Scope.Thread)
    public static class Minimal extends FanOutState {
        SrtpSession publisher;
        MinimalForwarder forwarder;

        @Override
        void build(SrtpKeys publisherKeys, SrtpKeys[] subscriberKeys) {
            publisher = publisherKeys.sfuSession();
            List<SrtpSession> subscribers = new ArrayList<>();
            for (SrtpKeys keys : subscriberKeys) {
                subscribers.add(keys.sfuSession());
            }
            forwarder = new MinimalForwarder(publisher, subscribers, sink);
        }

        @Override
        boolean receive(PacketBuffer srtp) {
            return forwarder.forward(srtp);
        }

        @Override
        long receiveDrops() {
            var c = publisher.counters();
            return c.authFailures() + c.replayDrops() + c.otherDrops();
        }
    }

    @Benchmark
    @OperationsPerInvocation(FanOutState.BATCH)
    public void forward(Minimal minimal, Delivered delivered, CpuTime cpu) {
        delivered.packets += minimal.deliverBatch();
        cpu.copyFrom(minimal.cpu);
    }
}
