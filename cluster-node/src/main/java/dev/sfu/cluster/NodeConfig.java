package dev.sfu.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the one cluster configuration: the given overrides (command-line flags) over JVM system properties over
 * the root application.conf (with its {@code ${?SFU_...}} environment overrides) over Pekko's reference.conf
 * files. Then turns
 * {@code sfu.cluster.seed-nodes} ("host:port,host:port") into {@code pekko.cluster.seed-nodes}.
 */
public final class NodeConfig {
    /** Every member runs an actor system of this name; members of differently named systems cannot join. */
    public static final String SYSTEM_NAME = "sfu";

    private NodeConfig() {
    }

    public static Config load(Map<String, String> overrides) {
        return load(ConfigFactory.parseMap(overrides, "command line"));
    }

    public static Config load(Config overrides) {
        // Flags over system properties over application.conf (whose ${?SFU_...} read the environment) over
        // reference.conf. Resolved only after merging, so that pekko.* keys pick up overridden sfu.* values.
        Config resolved = overrides
                .withFallback(ConfigFactory.defaultOverrides())
                .withFallback(ConfigFactory.defaultApplication())
                .withFallback(ConfigFactory.defaultReference())
                .resolve();
        List<String> seeds = seedNodeAddresses(resolved.getString("sfu.cluster.seed-nodes"));
        return ConfigFactory.parseMap(Map.of("pekko.cluster.seed-nodes", seeds), "sfu.cluster.seed-nodes")
                .withFallback(resolved);
    }

    /** "h1:2551, h2:2552" becomes ["pekko://sfu@h1:2551", "pekko://sfu@h2:2552"]. */
    static List<String> seedNodeAddresses(String hostPorts) {
        List<String> addresses = new ArrayList<>();
        for (String entry : hostPorts.split(",")) {
            String hostPort = entry.trim();
            if (hostPort.isEmpty()) {
                continue;
            }
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0 || colon == hostPort.length() - 1) {
                throw new IllegalArgumentException("seed node '" + hostPort + "' is not host:port");
            }
            CommandLine.parsePort("seed node " + hostPort, hostPort.substring(colon + 1));
            addresses.add("pekko://" + SYSTEM_NAME + "@" + hostPort);
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no seed nodes given (sfu.cluster.seed-nodes / SFU_SEED_NODES / --seed-nodes)");
        }
        return addresses;
    }
}
