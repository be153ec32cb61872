package dev.sfu.cluster.downing;

import com.typesafe.config.Config;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Where a cluster's downing lease lives: {@code sfu.cluster.lease.dir}/{@code <name>.lock}. The name is
 * {@code sfu.cluster.lease.name} when set, else the lease name the resolver gives plus a digest of the seed nodes,
 * so that two clusters on one host (say ./sfu up and a test's own cluster) never share a lease.
 */
public final class LeaseFiles {
    static final String DIR_PATH = "sfu.cluster.lease.dir";
    static final String NAME_PATH = "sfu.cluster.lease.name";
    private static final String JVM_ID = UUID.randomUUID().toString().substring(0, 8);

    private LeaseFiles() {
    }

    public static Path pathFor(Config config, String leaseName) {
        String dir = config.hasPath(DIR_PATH) ? config.getString(DIR_PATH) : System.getProperty("java.io.tmpdir");
        String name = config.hasPath(NAME_PATH) && !config.getString(NAME_PATH).isBlank()
                ? config.getString(NAME_PATH)
                : leaseName + "-" + seedDigest(config);
        return Path.of(dir).resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".lock");
    }

    /**
     * A short digest of the sorted seed node addresses (every member of a cluster is given the same ones). Without
     * seeds (members joined in code, as in-process tests do) the lease is this JVM's own, so that test runs side
     * by side on one machine never compete for it.
     */
    static String seedDigest(Config config) {
        List<String> seeds = config.hasPath("pekko.cluster.seed-nodes")
                ? config.getStringList("pekko.cluster.seed-nodes").stream().sorted().toList()
                : List.of();
        if (seeds.isEmpty()) return "jvm-" + JVM_ID;
        return UUID.nameUUIDFromBytes(String.join(",", seeds).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString().substring(0, 8);
    }
}
