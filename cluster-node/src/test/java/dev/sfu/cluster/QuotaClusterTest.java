package dev.sfu.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.sfu.cluster.registry.CpuOnlyLoadSource;
import dev.sfu.signaling.JsonSupport;
import dev.sfu.signaling.auth.Right;
import dev.sfu.signaling.auth.TokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-token quotas on two real members with tokens required: a token holding its two transports (both placed on
 * sfu2 through sfu1's API) is refused a third with 429, gets a slot back when it closes one, and gets both back
 * when sfu2, which held them, leaves the cluster. {@code /api/stats} shows the counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotaClusterTest {
    private static final String SECRET = "a-quota-test-secret-long-enough-for-hs256!";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final List<SfuNode> members = new ArrayList<>();
    private String token;

    @BeforeAll
    void startTwoMembers() throws Exception {
        TestMembers.Ports p1 = TestMembers.Ports.free();
        TestMembers.Ports p2 = TestMembers.Ports.free();
        String seeds = p1.remotingHostPort() + "," + p2.remotingHostPort();
        members.add(SfuNode.start(config("sfu1", p1, seeds), new CpuOnlyLoadSource()));
        members.add(SfuNode.start(config("sfu2", p2, seeds), new CpuOnlyLoadSource()));
        token = new TokenIssuer(SECRET, Clock.systemUTC()).issue("quota-user", "quota-room",
                Set.of(Right.PUBLISH, Right.SUBSCRIBE), Duration.ofMinutes(10));
        awaitTrue(() -> {
            HttpResponse<String> nodes = get("/api/sfu-nodes");
            return nodes.statusCode() == 200 && nodes.body().split("\"status\":\"Up\"").length == 3;
        }, "both members Up");
    }

    private static Config config(String id, TestMembers.Ports ports, String seeds) {
        return ConfigFactory.parseString("""
                sfu.auth.secret = "%s"
                sfu.limits.per-token { transports = 2, producers = 2, consumers = 2 }
                sfu.ask-timeout = 10s
                """.formatted(SECRET)).withFallback(TestMembers.config(id, ports, seeds));
    }

    @AfterAll
    void stopMembers() {
        members.forEach(SfuNode::close);
    }

    @Test
    void aTokensTransportsAreCountedUntilTheyCloseOrTheirMemberLeaves() throws Exception {
        awaitClosingsOfSfu2ReachSfu1();
        String first = awaitCreated("sfu2");
        String second = id(createTransport("sfu2"));
        HttpResponse<String> third = createTransport("sfu2");
        assertEquals(429, third.statusCode(), third.body());
        assertEquals("limit reached: this access token may hold at most 2 open transports on this member; close some first",
                JsonSupport.MAPPER.readTree(third.body()).get("error").asText());

        assertEquals(200, post("/api/close-transport", "{\"transportId\": \"" + first + "\"}").statusCode());
        awaitTrue(() -> createTransport("sfu2").statusCode() == 200, "a slot freed by closing a transport");
        assertEquals(429, createTransport("sfu2").statusCode());

        members.get(1).close(); // sfu2 leaves: its transports (second and the one just made) are gone with it
        awaitTrue(() -> createTransport("sfu1").statusCode() == 200, "slots freed by sfu2 leaving");
        assertEquals(200, createTransport("sfu1").statusCode());
        assertEquals(429, createTransport("sfu1").statusCode());
        assertTrue(second.endsWith("@sfu2"), second);
    }

    /**
     * The quotas learn of closings through the cluster's event topic, whose subscribers spread by gossip: a close on
     * sfu2 right after it joined may not reach sfu1 yet. Waits (with another token) until one does.
     */
    private void awaitClosingsOfSfu2ReachSfu1() throws Exception {
        String warmUp = new TokenIssuer(SECRET, Clock.systemUTC()).issue("warm-up", "quota-room",
                Set.of(Right.PUBLISH), Duration.ofMinutes(10));
        awaitTrue(() -> {
            HttpResponse<String> created = post("/api/create-transport",
                    "{\"room\": \"quota-room\", \"direction\": \"send\", \"node\": \"sfu2\"}", warmUp);
            if (created.statusCode() != 200) return false;
            int counted = tracked();
            post("/api/close-transport", "{\"transportId\": \"" + id(created) + "\"}", warmUp);
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < deadline) {
                if (tracked() == counted - 1) return true;
                sleep(100);
            }
            return false;
        }, "a close on sfu2 reaching sfu1's quotas");
    }

    private int tracked() {
        try {
            return JsonSupport.MAPPER.readTree(get("/api/stats").body()).get("clientQuotas").get("tracked").asInt();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String awaitCreated(String node) throws Exception {
        String[] id = new String[1];
        awaitTrue(() -> {
            HttpResponse<String> created = createTransport(node);
            if (created.statusCode() != 200) return false;
            id[0] = id(created);
            return true;
        }, "a transport on " + node);
        return id[0];
    }

    private HttpResponse<String> createTransport(String node) {
        return post("/api/create-transport", "{\"room\": \"quota-room\", \"direction\": \"send\""
                + (node == null ? "" : ", \"node\": \"" + node + "\"") + "}");
    }

    private static String id(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        try {
            JsonNode json = JsonSupport.MAPPER.readTree(response.body());
            return json.get("id").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private HttpResponse<String> post(String path, String json) {
        return post(path, json, token);
    }

    private HttpResponse<String> post(String path, String json, String token) {
        return TestMembers.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(String path) {
        return TestMembers.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    private URI uri(String path) {
        return URI.create(members.get(0).endpoints().httpUrl() + path);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return;
            Thread.sleep(300);
        }
        throw new AssertionError("not within " + PATIENCE + ": " + what);
    }
}
