package dev.sfu.signaling.api;

import java.util.Map;

/**
 * One event pushed to {@code /ws} subscribers: newProducer, producerClosed, producerPaused, producerResumed,
 * consumerClosed, transportClosed, roomClosed, nodeUp, nodeDown, log. {@code room} is null for cluster-wide events.
 */
public record SignalingEvent(String type, String room, String node, long timestamp, Map<String, Object> data) {
}
