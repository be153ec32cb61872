package dev.sfu.cluster.registry;

import dev.sfu.cluster.NodeSettings;
import dev.sfu.cluster.TestMembers;
import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.NodeLoad;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The registry of a one-member cluster: it lists its member with the load its source reports. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeRegistryTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final AtomicReference<NodeLoad> load = new AtomicReference<>(new NodeLoad(1, 2, 3, 4000, 5000, 0.5));
    private ActorTestKit testKit;
    private NodeSettings settings;
    private ActorRef<NodeRegistry.Command> registry;
    private TestProbe<NodeEvent> events;

    @BeforeAll
    void startRegistry() {
        TestMembers.Ports ports = TestMembers.Ports.free();
        var config = TestMembers.config("reg1", ports, ports.remotingHostPort());
        testKit = ActorTestKit.create("sfu", config);
        settings = NodeSettings.from(config);
        registry = testKit.spawn(NodeRegistry.create(settings, load::get), "node-registry");
        // Subscribed at once: the member joins itself only after the seed node timeout, so it is not Up yet.
        events = testKit.createTestProbe();
        registry.tell(new NodeRegistry.Subscribe(events.getRef()));
    }

    @AfterAll
    void stop() {
        testKit.shutdownTestKit();
    }

    @Test
    void listsItsMemberWithUrlsAndTheLoadOfItsSource() {
        TestProbe<NodeRegistry.Nodes> probe = testKit.createTestProbe();
        NodeInfo self = probe.awaitAssert(WAIT, () -> {
            registry.tell(new NodeRegistry.GetNodes(probe.getRef()));
            List<NodeInfo> nodes = probe.receiveMessage().nodes();
            assertEquals(1, nodes.size(), nodes.toString());
            assertEquals("Up", nodes.get(0).status());
            return nodes.get(0);
        });

        assertEquals("reg1", self.id());
        assertEquals(settings.httpUrl(), self.httpUrl());
        assertEquals(settings.managementUrl(), self.managementUrl());
        assertEquals(settings.mediaAddress(), self.mediaAddress());

        NodeLoad later = new NodeLoad(7, 8, 9, 10, 11, 1.5);
        load.set(later);
        probe.awaitAssert(WAIT, () -> {
            registry.tell(new NodeRegistry.GetNodes(probe.getRef()));
            assertEquals(later, probe.receiveMessage().nodes().get(0).load());
            return null;
        });
    }

    @Test
    void aSubscriberHearsItsMemberComeUp() {
        NodeEvent event = events.receiveMessage(WAIT);

        assertEquals(new NodeEvent.NodeUp(event.node()), event);
        assertEquals("reg1", event.node().id());
        assertEquals("Up", event.node().status());
        registry.tell(new NodeRegistry.Unsubscribe(events.getRef()));
    }
}
