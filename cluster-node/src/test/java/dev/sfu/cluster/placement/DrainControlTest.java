package dev.sfu.cluster.placement;

import dev.sfu.cluster.NodeSettings;
import dev.sfu.cluster.TestMembers;
import dev.sfu.cluster.registry.NodeRegistry;
import dev.sfu.signaling.api.NodeInfo;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One real member with its node registry: the control sets the flag, announces it, and is found by its key. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrainControlTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final AtomicBoolean flag = new AtomicBoolean();
    private ActorTestKit testKit;
    private ActorRef<NodeRegistry.Command> registry;
    private ActorRef<DrainControl.Command> control;

    @BeforeAll
    void start() {
        TestMembers.Ports ports = TestMembers.Ports.free();
        var config = TestMembers.config("drain1", ports, ports.remotingHostPort());
        testKit = ActorTestKit.create("sfu", config);
        NodeSettings settings = NodeSettings.from(config);
        registry = testKit.spawn(NodeRegistry.create(settings, () -> dev.sfu.signaling.api.NodeLoad.EMPTY, flag::get),
                "node-registry");
        control = testKit.spawn(DrainControl.create("drain1", flag, registry, Duration.ofSeconds(3)), "drain-control");
    }

    @AfterAll
    void stop() {
        testKit.shutdownTestKit();
    }

    @Test
    void drainingIsAnnouncedInTheNodeListAndCanBeUndone() {
        TestProbe<NodeRegistry.Nodes> nodes = testKit.createTestProbe();
        nodes.awaitAssert(WAIT, () -> {
            registry.tell(new NodeRegistry.GetNodes(nodes.getRef()));
            assertEquals(1, nodes.receiveMessage().nodes().size());
            return null;
        });

        TestProbe<DrainControl.Drained> drained = testKit.createTestProbe();
        control.tell(new DrainControl.SetDraining(true, drained.getRef()));
        assertEquals(new DrainControl.Drained("drain1", true), drained.receiveMessage(WAIT));
        assertTrue(flag.get());
        nodes.awaitAssert(WAIT, () -> {
            registry.tell(new NodeRegistry.GetNodes(nodes.getRef()));
            List<NodeInfo> listed = nodes.receiveMessage().nodes();
            assertTrue(listed.get(0).draining(), listed.toString());
            return null;
        });

        control.tell(new DrainControl.SetDraining(false, drained.getRef()));
        assertEquals(new DrainControl.Drained("drain1", false), drained.receiveMessage(WAIT));
        assertFalse(flag.get());
        nodes.awaitAssert(WAIT, () -> {
            registry.tell(new NodeRegistry.GetNodes(nodes.getRef()));
            assertFalse(nodes.receiveMessage().nodes().get(0).draining());
            return null;
        });
    }

    @Test
    void theControlIsFoundUnderItsMembersKeyOnly() {
        TestProbe<Receptionist.Listing> listing = testKit.createTestProbe();
        listing.awaitAssert(WAIT, () -> {
            testKit.system().receptionist().tell(Receptionist.find(DrainControl.serviceKey("drain1"), listing.getRef()));
            assertEquals(1, listing.receiveMessage().getServiceInstances(DrainControl.serviceKey("drain1")).size());
            return null;
        });
        testKit.system().receptionist().tell(Receptionist.find(DrainControl.serviceKey("drain2"), listing.getRef()));
        assertTrue(listing.receiveMessage().getServiceInstances(DrainControl.serviceKey("drain2")).isEmpty());
    }
}
