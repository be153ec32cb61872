package dev.sfu.cluster.downing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class LeaseFilesTest {

    private static Config seeds(List<String> seeds) {
        return ConfigFactory.parseMap(Map.of("pekko.cluster.seed-nodes", seeds, "sfu.cluster.lease.dir", "/var/lease"));
    }

    @Test
    void membersGivenTheSameSeedsInAnyOrderShareTheLeaseFile() {
        Path a = LeaseFiles.pathFor(seeds(List.of("pekko://sfu@h:2551", "pekko://sfu@h:2552")), "sfu-pekko-sbr");
        Path b = LeaseFiles.pathFor(seeds(List.of("pekko://sfu@h:2552", "pekko://sfu@h:2551")), "sfu-pekko-sbr");
        assertEquals(a, b);
        assertEquals(Path.of("/var/lease"), a.getParent());
    }

    @Test
    void clustersWithOtherSeedsUseAnotherFile() {
        assertNotEquals(LeaseFiles.pathFor(seeds(List.of("pekko://sfu@h:2551")), "sfu-pekko-sbr"),
                LeaseFiles.pathFor(seeds(List.of("pekko://sfu@h:2561")), "sfu-pekko-sbr"));
    }

    @Test
    void withoutSeedsTheLeaseBelongsToThisJvm() {
        Config config = ConfigFactory.parseMap(Map.of("sfu.cluster.lease.dir", "/var/lease"));
        Path path = LeaseFiles.pathFor(config, "sfu-pekko-sbr");
        assertEquals(path, LeaseFiles.pathFor(config, "sfu-pekko-sbr"));
        assertNotEquals(LeaseFiles.pathFor(seeds(List.of()), "sfu-pekko-sbr").getFileName().toString(),
                "sfu-pekko-sbr-" + LeaseFiles.seedDigest(seeds(List.of("pekko://sfu@h:2551"))) + ".lock");
        org.junit.jupiter.api.Assertions.assertTrue(path.getFileName().toString().startsWith("sfu-pekko-sbr-jvm-"));
    }

    @Test
    void aConfiguredNameWinsAndIsMadeSafeForAFileName() {
        Config config = seeds(List.of("pekko://sfu@h:2551"))
                .withFallback(ConfigFactory.parseMap(Map.of("sfu.cluster.lease.name", "prod/sfu lease")));
        assertEquals(Path.of("/var/lease/prod_sfu_lease.lock"), LeaseFiles.pathFor(config, "sfu-pekko-sbr"));
    }
}
