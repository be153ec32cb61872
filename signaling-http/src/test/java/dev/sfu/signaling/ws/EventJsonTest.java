package dev.sfu.signaling.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfu.signaling.JsonSupport;
import dev.sfu.signaling.api.SignalingEvent;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EventJsonTest {

    @Test
    void flattensDataNextToTheEnvelope() throws Exception {
        JsonNode json = JsonSupport.MAPPER.readTree(EventJson.toJson(new SignalingEvent("consumerClosed", "r1", "sfu2", 77L,
                Map.of("consumerId", "c1", "reason", "producer closed", "layers", List.of(1, 2)))));

        assertEquals("consumerClosed", json.get("type").asText());
        assertEquals("r1", json.get("room").asText());
        assertEquals("sfu2", json.get("node").asText());
        assertEquals(77L, json.get("timestamp").asLong());
        assertEquals("c1", json.get("consumerId").asText());
        assertEquals("producer closed", json.get("reason").asText());
        assertEquals(2, json.get("layers").get(1).asInt());
    }

    @Test
    void dataNeverOverridesTheEnvelope() {
        Map<String, Object> json = EventJson.flatten(new SignalingEvent("nodeDown", "r1", "sfu3", 1L,
                Map.of("type", "evil", "node", "other", "timestamp", 0, "room", "elsewhere")));

        assertEquals(Map.of("type", "nodeDown", "room", "r1", "node", "sfu3", "timestamp", 1L), json);
    }

    @Test
    void leavesOutNullsAndToleratesNoData() {
        Map<String, Object> data = new HashMap<>();
        data.put("producerId", null);

        assertEquals(List.of("type", "node", "timestamp"),
                List.copyOf(EventJson.flatten(new SignalingEvent("nodeUp", null, "sfu1", 1L, data)).keySet()));
        assertFalse(EventJson.flatten(new SignalingEvent("nodeUp", null, "sfu1", 1L, null)).containsKey("room"));
    }
}
