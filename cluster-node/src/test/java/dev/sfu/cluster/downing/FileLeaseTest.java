package dev.sfu.cluster.downing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.coordination.lease.LeaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two members' leases on one real lock file: one holds it at a time; releasing (or stopping) hands it over. */
class FileLeaseTest {
    @TempDir
    Path dir;

    private ActorSystem<Void> first;
    private ActorSystem<Void> second;

    private ActorSystem<Void> system(String name) {
        Config config = ConfigFactory.parseMap(Map.of("sfu.cluster.lease.dir", dir.toString(),
                "sfu.cluster.lease.name", "test-lease", "pekko.actor.provider", "local"))
                .withFallback(ConfigFactory.load());
        return ActorSystem.create(Behaviors.empty(), name, config);
    }

    private static FileLease leaseOf(ActorSystem<Void> system, String owner) {
        LeaseSettings settings = LeaseSettings.apply(
                system.settings().config().getConfig("sfu.cluster.lease")
                        .withFallback(system.settings().config().getConfig("pekko.coordination.lease")),
                "sfu-pekko-sbr", owner);
        return new FileLease(settings, (ExtendedActorSystem) Adapter.toClassic(system));
    }

    @AfterEach
    void stop() {
        if (first != null) first.terminate();
        if (second != null) second.terminate();
    }

    @Test
    void oneOwnerAtATimeAndReleaseHandsItOver() throws Exception {
        first = system("lease-a");
        second = system("lease-b");
        FileLease a = leaseOf(first, "a");
        FileLease b = leaseOf(second, "b");

        assertTrue(a.acquire().toCompletableFuture().get());
        assertTrue(a.checkLease());
        assertTrue(a.acquire().toCompletableFuture().get(), "taking it again is fine for its holder");
        assertFalse(b.acquire().toCompletableFuture().get());
        assertFalse(b.checkLease());

        a.release().toCompletableFuture().get();
        assertFalse(a.checkLease());
        assertTrue(b.acquire().toCompletableFuture().get());
    }

    @Test
    void aStoppedMemberLetsItsLeaseGo() throws Exception {
        first = system("lease-c");
        second = system("lease-d");
        FileLease a = leaseOf(first, "c");
        FileLease b = leaseOf(second, "d");
        assertTrue(a.acquire().toCompletableFuture().get());

        first.terminate();
        first.getWhenTerminated().toCompletableFuture().get();
        boolean taken = false;
        for (int attempt = 0; attempt < 50 && !taken; attempt++) {
            taken = b.acquire().toCompletableFuture().get();
            if (!taken) Thread.sleep(100);
        }
        assertTrue(taken, "the lease of a stopped member can be taken");
    }
}
