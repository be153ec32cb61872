package dev.sfu.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NodeConfigTest {

    @Test
    void defaultsAreThoseOfSfu1() {
        NodeSettings settings = NodeSettings.from(NodeConfig.load(Map.of()));

        assertEquals("sfu1", settings.id());
        assertEquals(3001, settings.httpPort());
        assertEquals(2551, settings.remotingPort());
        assertEquals(8558, settings.managementPort());
        assertEquals(40001, settings.mediaPort());
        assertEquals("127.0.0.1", settings.mediaBindHost());
        assertEquals("127.0.0.1", settings.announcedIp());
        assertEquals(Duration.ofSeconds(5), settings.askTimeout());
        assertEquals("sunjce", NodeConfig.load(Map.of()).getString("sfu.media.srtp-aes"));
    }

    @Test
    void overriddenSfuKeysReachThePekkoKeysBuiltFromThem() {
        Config config = NodeConfig.load(Map.of("sfu.node.hostname", "10.0.0.4", "sfu.remoting.port", "2554",
                "sfu.management.port", "8561"));

        assertEquals("10.0.0.4", config.getString("pekko.remote.artery.canonical.hostname"));
        assertEquals(2554, config.getInt("pekko.remote.artery.canonical.port"));
        assertEquals("10.0.0.4", config.getString("pekko.management.http.hostname"));
        assertEquals(8561, config.getInt("pekko.management.http.port"));
        assertEquals("10.0.0.4", config.getString("sfu.media.announced-ip"));
    }

    @Test
    void aFlagWinsOverASystemPropertyWhichWinsOverTheFile() {
        System.setProperty("sfu.http.port", "3999");
        System.setProperty("sfu.management.port", "8999");
        ConfigFactory.invalidateCaches();
        try {
            NodeSettings settings = NodeSettings.from(NodeConfig.load(Map.of("sfu.http.port", "3004")));

            assertEquals(3004, settings.httpPort());
            assertEquals(8999, settings.managementPort());
            assertEquals(2551, settings.remotingPort());
        } finally {
            System.clearProperty("sfu.http.port");
            System.clearProperty("sfu.management.port");
            ConfigFactory.invalidateCaches();
        }
    }

    @Test
    void seedNodesBecomePekkoAddressesOfTheSfuSystem() {
        Config config = NodeConfig.load(Map.of("sfu.cluster.seed-nodes", "10.0.0.1:2551, 10.0.0.2:2552"));

        assertEquals(List.of("pekko://sfu@10.0.0.1:2551", "pekko://sfu@10.0.0.2:2552"),
                config.getStringList("pekko.cluster.seed-nodes"));
    }

    @Test
    void theClusterRunsSplitBrainResolverAndBindsCborSerialization() {
        Config config = NodeConfig.load(Map.of());

        assertEquals("org.apache.pekko.cluster.sbr.SplitBrainResolverProvider",
                config.getString("pekko.cluster.downing-provider-class"));
        assertEquals("lease-majority", config.getString("pekko.cluster.split-brain-resolver.active-strategy"));
        assertEquals("sfu.cluster.lease",
                config.getString("pekko.cluster.split-brain-resolver.lease-majority.lease-implementation"));
        assertEquals("jackson-cbor", config.getString("pekko.actor.serialization-bindings.\"dev.sfu.cluster.CborSerializable\""));
    }

    @Test
    void aSeedNodeWithoutPortIsRefused() {
        var failure = assertThrows(IllegalArgumentException.class, () -> NodeConfig.seedNodeAddresses("10.0.0.1"));
        assertEquals("seed node '10.0.0.1' is not host:port", failure.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NodeConfig.seedNodeAddresses(" , "));
    }
}
