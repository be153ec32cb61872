package dev.sfu.bench;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.srtp.SrtpProfile;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the fan-out benchmarks share: one browser publishing one stream to {@link #consumers} subscribers, each
 * with its own SRTP keys, and a batch of fresh SRTP packets from the browser prepared before every invocation
 * (outside the measured time; see {@link SrtpBenchmark} for why). Subclasses build the forwarder under test and
 * say how it takes one packet. CPU time per invocation is kept beside JMH's wall-clock time (see
 * {@link CpuStopwatch}). After each iteration it checks that every packet reached every subscriber, so a forwarder
 * that drops cannot look fast.
 */
@State(Scope.Thread)
public abstract class FanOutState {
    /** Incoming packets per invocation: enough to make the timer's cost vanish, few enough for 500 subscribers. */
    static final int BATCH = 16;

    @Param({"1", "10", "100", "500"})
    int consumers;

    @Param({"AUDIO", "VIDEO"})
    SampleStream stream;

    /** Chrome negotiates GCM with us (our DTLS offers it first); {@code -p profile=AES128_CM_HMAC_SHA1_80} for CM. */
    @Param({"AEAD_AES_128_GCM"})
    SrtpProfile profile;

    /** jitsi-srtp's AES: SunJCE, as a member by default; {@code -p aes=SunJCE,OpenSSL} compares the two. */
    @Param({"SunJCE"})
    String aes = "SunJCE";

    final PacketSink sink = new PacketSink();
    final CpuStopwatch cpu = new CpuStopwatch();
    final PacketBuffer[] ring = BrowserSender.newRing(BATCH);
    BrowserSender browser;
    long received;

    /** Builds the forwarder; the browser's end of the publisher's association is {@code publisher.browserSession()}. */
    abstract void build(SrtpKeys publisher, SrtpKeys[] subscribers);

    /** Hands one SRTP packet from the browser to the forwarder; false when it did not decrypt. */
    abstract boolean receive(PacketBuffer srtp);

    /** SRTP drops seen by the forwarder's receiving end (must stay 0). */
    abstract long receiveDrops();

    /** Called before each batch is prepared, outside the measured time. */
    void beforeBatch() {
    }

    @Setup(Level.Trial)
    public void createForwarder() {
        AesBackend.use(aes);
        SrtpKeys publisher = new SrtpKeys(profile, 1);
        SrtpKeys[] subscribers = new SrtpKeys[consumers];
        for (int i = 0; i < consumers; i++) {
            subscribers[i] = new SrtpKeys(profile, 1000 + i);
        }
        build(publisher, subscribers);
        browser = new BrowserSender(stream, publisher.browserSession(), stream.payloadSize());
        // A key frame first: a video consumer forwards nothing before one. It also derives every SRTP context.
        PacketBuffer first = new PacketBuffer();
        browser.writeProtected(first, true);
        deliverOne(first);
        checkEveryPacketDelivered();
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        cpu.reset();
    }

    @Setup(Level.Invocation)
    public void refill() {
        beforeBatch();
        browser.refillProtected(ring);
        cpu.start();
    }

    @TearDown(Level.Invocation)
    public void afterInvocation() {
        cpu.stop(BATCH);
    }

    @TearDown(Level.Iteration)
    public void checkEveryPacketDelivered() {
        if (receiveDrops() != 0 || sink.failures() != 0 || sink.packets() != received * consumers) {
            throw new IllegalStateException("not every packet was delivered: received " + received + ", delivered "
                    + sink.packets() + " to " + consumers + " consumers, failures " + sink.failures()
                    + ", receive drops " + receiveDrops());
        }
    }

    /** Pushes the whole batch through; returns the number of packets delivered to subscribers. */
    final long deliverBatch() {
        long before = sink.packets();
        for (PacketBuffer p : ring) {
            deliverOne(p);
        }
        return sink.packets() - before;
    }

    final void deliverOne(PacketBuffer p) {
        if (receive(p)) {
            received++;
        }
    }
}
