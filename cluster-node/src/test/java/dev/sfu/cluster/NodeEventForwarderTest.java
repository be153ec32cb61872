package dev.sfu.cluster;

import dev.sfu.cluster.registry.NodeEvent;
import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.NodeLoad;
import dev.sfu.signaling.api.SignalingEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NodeEventForwarderTest {
    private static NodeInfo node(String status) {
        return new NodeInfo("sfu2", status, "http://127.0.0.1:3002", "http://127.0.0.1:8559", "127.0.0.1:40002",
                NodeLoad.EMPTY, 1L);
    }

    @Test
    void aMemberComingUpIsANodeUpEventOfTheWholeCluster() {
        SignalingEvent event = NodeEventForwarder.toSignalingEvent(new NodeEvent.NodeUp(node("Up")));

        assertEquals("nodeUp", event.type());
        assertEquals("sfu2", event.node());
        assertNull(event.room());
        assertEquals("Up", event.data().get("status"));
        assertEquals("http://127.0.0.1:3002", event.data().get("httpUrl"));
    }

    @Test
    void aMemberGoingAwayIsANodeDownEventWithItsStatus() {
        SignalingEvent event = NodeEventForwarder.toSignalingEvent(new NodeEvent.NodeDown(node("Leaving")));

        assertEquals("nodeDown", event.type());
        assertEquals("Leaving", event.data().get("status"));
    }
}
