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

    static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
