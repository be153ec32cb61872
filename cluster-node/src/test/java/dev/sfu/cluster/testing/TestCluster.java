package dev.sfu.cluster.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * A real Pekko cluster of a few members in this JVM, each its own ActorSystem on a free 127.0.0.1 port, joined to
 * the first and waited on until every member sees every member Up.
 */
public final class TestCluster implements AutoCloseable {
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String CONFIG = """
            pekko.actor.provider = cluster
            pekko.remote.artery.canonical.hostname = 127.0.0.1
            pekko.remote.artery.canonical.port = 0
            pekko.actor.serialization-bindings { "dev.sfu.cluster.CborSerializable" = jackson-cbor }
            pekko.cluster.jmx.enabled = off
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
            pekko.loglevel = INFO
            pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
            pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
            sfu.ask-timeout = 10s
            # a busy two-core machine can take more than the default 10 s to stop a member
            pekko.actor.testkit.typed.system-shutdown-default = 30s
            """;

    private final List<ActorTestKit> members = new ArrayList<>();

    private TestCluster() {
    }

    /** Starts {@code size} members (all sharing one system name, as cluster members must). */
    public static TestCluster start(int size) {
        return start(size, "");
    }

    /** Starts {@code size} members with {@code extraConfig} (HOCON) over the test configuration. */
    public static TestCluster start(int size, String extraConfig) {
        TestCluster cluster = new TestCluster();
        Config config = ConfigFactory.parseString(extraConfig)
                .withFallback(ConfigFactory.parseString(CONFIG)).withFallback(ConfigFactory.load());
        for (int i = 0; i < size; i++) cluster.members.add(ActorTestKit.create("sfu", config));
        Cluster first = Cluster.get(cluster.members.get(0).system());
        for (ActorTestKit member : cluster.members) {
            Cluster.get(member.system()).manager().tell(Join.create(first.selfMember().address()));
        }
        for (ActorTestKit member : cluster.members) cluster.awaitAllUp(member);
        return cluster;
    }

    public ActorTestKit member(int index) {
        return members.get(index);
    }

    /** Stops one member (it leaves the cluster through CoordinatedShutdown); close() skips it. */
    public void stop(int index) {
        ActorTestKit member = members.get(index);
        if (member == null) return;
        members.set(index, null);
        member.shutdownTestKit();
    }

    private void awaitAllUp(ActorTestKit member) {
        TestProbe<Object> probe = member.createTestProbe();
        probe.awaitAssert(PATIENCE, Duration.ofMillis(200), () -> {
            var state = Cluster.get(member.system()).state();
            long up = StreamSupport.stream(state.getMembers().spliterator(), false)
                    .filter(m -> m.status() == MemberStatus.up()).count();
            if (up != members.size()) throw new AssertionError("members up: " + up + " of " + members.size());
            return null;
        });
    }

    @Override
    public void close() {
        for (int i = members.size() - 1; i >= 0; i--) {
            if (members.get(i) != null) members.get(i).shutdownTestKit();
        }
    }
}
