package dev.sfu.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Configuration for members started inside a test: free ports on 127.0.0.1, quick timings. */
public final class TestMembers {
    public static final String HOST = "127.0.0.1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestMembers() {
    }

    /** The ports of one member, each free when chosen. */
    public record Ports(int http, int remoting, int management, int media) {
        public static Ports free() {
            return new Ports(freeTcpPort(), freeTcpPort(), freeTcpPort(), freeUdpPort());
        }

        public String remotingHostPort() {
            return HOST + ":" + remoting;
        }
    }

    public static Config config(String id, Ports ports, String seedNodes) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("sfu.node.id", id);
        overrides.put("sfu.node.hostname", HOST);
        overrides.put("sfu.http.port", Integer.toString(ports.http()));
        overrides.put("sfu.remoting.port", Integer.toString(ports.remoting()));
        overrides.put("sfu.management.port", Integer.toString(ports.management()));
        overrides.put("sfu.media.port", Integer.toString(ports.media()));
        overrides.put("sfu.cluster.seed-nodes", seedNodes);
        return NodeConfig.load(ConfigFactory.parseMap(overrides)
                .withFallback(ConfigFactory.parseResources("test-cluster.conf")));
    }

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /*
     * Ports are taken from below Linux's ephemeral range (32768-60999): a port the kernel hands out for "port 0" can
     * be taken again by any outgoing connection before the member binds it, which made cluster tests flaky. Each
     * port is handed out once per JVM and checked free (TCP and UDP) when chosen.
     */
    private static final int FIRST_TEST_PORT = 20000;
    private static final int LAST_TEST_PORT = 32000;
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT = new java.util.concurrent.atomic.AtomicInteger(
            FIRST_TEST_PORT + new java.util.Random().nextInt(LAST_TEST_PORT - FIRST_TEST_PORT));

    static int freeTcpPort() {
        return freePort();
    }

    static int freeUdpPort() {
        return freePort();
    }

    private static synchronized int freePort() {
        for (int tries = 0; tries < LAST_TEST_PORT - FIRST_TEST_PORT; tries++) {
            int port = NEXT_PORT.getAndIncrement();
            if (port > LAST_TEST_PORT) {
                NEXT_PORT.set(FIRST_TEST_PORT);
                port = NEXT_PORT.getAndIncrement();
            }
            if (isFree(port)) return port;
        }
        throw new IllegalStateException("no free port between " + FIRST_TEST_PORT + " and " + LAST_TEST_PORT);
    }

    private static boolean isFree(int port) {
        try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getByName(HOST));
             DatagramSocket udp = new DatagramSocket(port, InetAddress.getByName(HOST))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
