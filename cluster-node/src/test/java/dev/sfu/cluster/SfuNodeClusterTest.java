package dev.sfu.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfu.cluster.registry.NodeLoadSource;
import dev.sfu.signaling.JsonSupport;
import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.NodeLoad;
import dev.sfu.signaling.api.SignalingEvent;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Leave;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three members in one JVM, on free ports of 127.0.0.1, form a cluster; the node registry converges; members that
 * terminate or leave disappear from the node list of the others. The tests run in order on the same cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SfuNodeClusterTest {
    private static final Duration CONVERGENCE = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(500);

    private final List<SfuNode> members = new ArrayList<>();
    private SfuNode sfu1;
    private SfuNode sfu2;
    private SfuNode sfu3;
    private TestProbe<Object> probe;

    @BeforeAll
    void startThreeMembers() throws StartupException {
        List<TestMembers.Ports> ports = List.of(TestMembers.Ports.free(), TestMembers.Ports.free(), TestMembers.Ports.free());
        String seeds = ports.stream().map(TestMembers.Ports::remotingHostPort).collect(Collectors.joining(","));
        for (int i = 0; i < ports.size(); i++) {
            String id = "sfu" + (i + 1);
            int transports = i + 1;
            // Each member reports a load of its own, so the test sees every member's load arrive everywhere.
            NodeLoadSource load = () -> new NodeLoad(transports, 0, 0, 0, 0, 0.0);
            members.add(SfuNode.start(TestMembers.config(id, ports.get(i), seeds), load));
        }
        sfu1 = members.get(0);
        sfu2 = members.get(1);
        sfu3 = members.get(2);
        probe = ActorTestKit.create(sfu1.system()).createTestProbe();
    }

    @AfterAll
    void stopMembers() {
        members.forEach(SfuNode::close);
    }

    @Test
    @Order(1)
    void everyMemberListsAllThreeUpWithTheirLoad() {
        for (SfuNode member : members) {
            probe.awaitAssert(CONVERGENCE, POLL, () -> {
                List<NodeInfo> nodes = member.service().nodes().toCompletableFuture().join();
                assertEquals(List.of("sfu1", "sfu2", "sfu3"), nodes.stream().map(NodeInfo::id).toList(),
                        member.settings().id() + " lists " + nodes);
                for (NodeInfo node : nodes) {
                    assertEquals("Up", node.status(), node.toString());
                    assertNotNull(node.load(), node.toString());
                    assertEquals(Integer.parseInt(node.id().substring(3)), node.load().transports(), node.toString());
                }
                return null;
            });
        }
        JsonNode overHttp = nodeList(sfu2);
        assertEquals(3, overHttp.size(), overHttp.toString());
        JsonNode first = overHttp.get(0);
        assertEquals("sfu1", first.get("id").asText());
        assertEquals("Up", first.get("status").asText());
        assertEquals(sfu1.settings().httpUrl(), first.get("httpUrl").asText());
        assertTrue(first.get("load").has("cpu"), first.toString());
    }

    @Test
    @Order(2)
    void aTerminatedMemberDisappearsFromTheNodeListOfTheOthers() throws InterruptedException {
        BlockingQueue<SignalingEvent> events = new LinkedBlockingQueue<>();
        AutoCloseable subscription = sfu1.service().subscribe(null, events::add);
        try {
            sfu3.close();

            for (SfuNode remaining : List.of(sfu1, sfu2)) {
                probe.awaitAssert(CONVERGENCE, POLL, () -> {
                    assertEquals(Set.of("sfu1", "sfu2"), ids(nodeList(remaining)));
                    return null;
                });
            }
            SignalingEvent down = nextEventAbout("sfu3", events);
            assertEquals("nodeDown", down.type());
        } finally {
            close(subscription);
        }
    }

    @Test
    @Order(3)
    void aMemberThatLeavesIsSeenLeavingAndThenRemoved() throws Exception {
        BlockingQueue<SignalingEvent> events = new LinkedBlockingQueue<>();
        AutoCloseable subscription = sfu1.service().subscribe(null, events::add);
        try {
            Cluster.get(sfu2.system()).manager().tell(new Leave(Cluster.get(sfu2.system()).selfMember().address()));

            SignalingEvent down = nextEventAbout("sfu2", events);
            assertEquals("nodeDown", down.type());
            assertTrue(Set.of("Leaving", "Exiting", "Removed").contains((String) down.data().get("status")),
                    down.toString());
            probe.awaitAssert(CONVERGENCE, POLL, () -> {
                assertEquals(Set.of("sfu1"), ids(nodeList(sfu1)));
                return null;
            });
            // A member that left stops its actor system (CoordinatedShutdown after Removed).
            sfu2.system().getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } finally {
            close(subscription);
        }
    }

    private static void close(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static SignalingEvent nextEventAbout(String nodeId, BlockingQueue<SignalingEvent> events)
            throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGENCE.toNanos();
        while (System.nanoTime() < deadline) {
            SignalingEvent event = events.poll(1, TimeUnit.SECONDS);
            if (event != null && nodeId.equals(event.node())) {
                return event;
            }
        }
        throw new AssertionError("no event about " + nodeId + " within " + CONVERGENCE);
    }

    /** GET /api/sfu-nodes over real HTTP. */
    private static JsonNode nodeList(SfuNode member) {
        HttpResponse<String> response = TestMembers.get(member.settings().httpUrl() + "/api/sfu-nodes");
        assertEquals(200, response.statusCode(), response.body());
        try {
            return JsonSupport.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> ids(JsonNode nodes) {
        Set<String> ids = new java.util.TreeSet<>();
        nodes.forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }
}
