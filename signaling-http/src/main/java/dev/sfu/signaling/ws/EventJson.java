package dev.sfu.signaling.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sfu.signaling.JsonSupport;
import dev.sfu.signaling.api.SignalingEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wire form of an event: {@code {type, room, node, timestamp, ...data}} with the data fields flattened next
 * to the envelope. A data field never overrides an envelope field; a null room is left out.
 */
public final class EventJson {
    private EventJson() {
    }

    public static Map<String, Object> flatten(SignalingEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", event.type());
        json.put("room", event.room());
        json.put("node", event.node());
        json.put("timestamp", event.timestamp());
        if (event.data() != null) {
            event.data().forEach(json::putIfAbsent);
        }
        json.values().removeIf(value -> value == null);
        return json;
    }

    public static String toJson(SignalingEvent event) throws JsonProcessingException {
        return JsonSupport.MAPPER.writeValueAsString(flatten(event));
    }
}
