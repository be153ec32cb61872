package dev.sfu.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remoting over TLS by configuration (SFU_REMOTING_TRANSPORT=tls-tcp and a key store): two members holding the
 * cluster's certificate form a cluster; a member with a certificate of its own is refused by mutual authentication.
 */
class RemotingTlsTest {
    private static final Duration JOIN = Duration.ofSeconds(60);
    private static final String PASSWORD = "test-store-pass";

    @TempDir
    Path dir;

    private final List<SfuNode> members = new ArrayList<>();

    @AfterEach
    void stop() {
        members.forEach(SfuNode::close);
    }

    @Test
    void membersSharingTheClusterCertificateJoinAndAStrangerIsRefused() throws Exception {
        Path clusterStore = keyStore("cluster.p12");
        Path strangerStore = keyStore("stranger.p12");
        TestMembers.Ports first = TestMembers.Ports.free();
        TestMembers.Ports second = TestMembers.Ports.free();
        TestMembers.Ports third = TestMembers.Ports.free();
        String seeds = first.remotingHostPort() + "," + second.remotingHostPort();

        SfuNode tls1 = start("tls1", first, seeds, clusterStore);
        SfuNode tls2 = start("tls2", second, seeds, clusterStore);
        assertEquals("tls-tcp", tls1.system().settings().config().getString("pekko.remote.artery.transport"));
        awaitUpMembers(tls1, 2, JOIN);
        awaitUpMembers(tls2, 2, JOIN);

        SfuNode stranger = start("tls3", third, seeds, strangerStore);
        Thread.sleep(10_000); // long enough for a join to have succeeded (it takes about 1 s here)
        assertEquals(2, upMembers(tls1), "the member with a foreign certificate must not join");
        assertEquals(0, upMembers(stranger), "the stranger never becomes a member");
    }

    private SfuNode start(String id, TestMembers.Ports ports, String seeds, Path store) throws Exception {
        Config tls = ConfigFactory.parseMap(Map.of(
                "pekko.remote.artery.transport", "tls-tcp",
                "pekko.remote.artery.ssl.config-ssl-engine.key-store", store.toString(),
                "pekko.remote.artery.ssl.config-ssl-engine.trust-store", store.toString(),
                "pekko.remote.artery.ssl.config-ssl-engine.key-store-password", PASSWORD,
                "pekko.remote.artery.ssl.config-ssl-engine.key-password", PASSWORD,
                "pekko.remote.artery.ssl.config-ssl-engine.trust-store-password", PASSWORD));
        SfuNode node = SfuNode.start(tls.withFallback(TestMembers.config(id, ports, seeds)), null);
        members.add(node);
        return node;
    }

    private Path keyStore(String name) throws Exception {
        Path store = dir.resolve(name);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "member", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=sfu-cluster", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool: " + output);
        return store;
    }

    private static void awaitUpMembers(SfuNode node, int expected, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (upMembers(node) < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(node.settings().id() + " sees " + upMembers(node) + " Up members, not "
                        + expected + " within " + within);
            }
            Thread.sleep(250);
        }
    }

    private static long upMembers(SfuNode node) {
        return count(node, MemberStatus.up());
    }

    private static long count(SfuNode node, MemberStatus status) {
        return StreamSupport.stream(Cluster.get(node.system()).state().getMembers().spliterator(), false)
                .filter(member -> member.status().equals(status))
                .count();
    }
}
