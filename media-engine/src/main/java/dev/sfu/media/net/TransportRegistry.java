package dev.sfu.media.net;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the session a datagram belongs to: by local ICE username fragment for STUN, by remote address for the
 * rest. A session's address is registered once ICE has selected it. Confined to the media thread.
 */
public final class TransportRegistry {
    private final Map<String, PacketEndpoint> byUfrag = new HashMap<>();
    private final Map<InetSocketAddress, PacketEndpoint> byAddress = new HashMap<>();

    public void registerUfrag(String localUfrag, PacketEndpoint endpoint) {
        PacketEndpoint previous = byUfrag.putIfAbsent(localUfrag, endpoint);
        if (previous != null && previous != endpoint) {
            throw new IllegalStateException("ICE ufrag already registered: " + localUfrag);
        }
    }

    /** Points {@code address} at {@code endpoint}; the endpoint's {@code previous} address, if any, is released. */
    public void moveAddress(PacketEndpoint endpoint, InetSocketAddress previous, InetSocketAddress address) {
        if (previous != null) {
            byAddress.remove(previous, endpoint);
        }
        byAddress.put(address, endpoint);
    }

    /** Forgets every mapping to {@code endpoint}. */
    public void remove(PacketEndpoint endpoint) {
        byUfrag.values().removeIf(e -> e == endpoint);
        byAddress.values().removeIf(e -> e == endpoint);
    }

    public Optional<PacketEndpoint> byUfrag(String localUfrag) {
        return Optional.ofNullable(byUfrag.get(localUfrag));
    }

    public Optional<PacketEndpoint> byAddress(InetSocketAddress address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    public int sessions() {
        return byUfrag.size();
    }
}
