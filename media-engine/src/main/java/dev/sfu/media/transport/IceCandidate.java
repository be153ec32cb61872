package dev.sfu.media.transport;

/** A host candidate in mediasoup-client's IceCandidate shape ({@code address} repeats {@code ip}). */
public record IceCandidate(String foundation, long priority, String ip, String address, String protocol, int port,
                           String type) {
    public static IceCandidate udpHost(String ip, int port) {
        return new IceCandidate("udpcandidate", 1076302079L, ip, ip, "udp", port, "host");
    }
}
