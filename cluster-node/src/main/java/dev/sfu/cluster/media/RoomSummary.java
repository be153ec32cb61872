package dev.sfu.cluster.media;

/**
 * One room as one member holds it: its WebRTC transports, its own producers (piped-in copies are counted at their
 * home), its consumers, and whether an admin created it here explicitly (it then stays while empty).
 */
public record RoomSummary(String room, String node, int transports, int producers, int consumers, boolean created) {
}
