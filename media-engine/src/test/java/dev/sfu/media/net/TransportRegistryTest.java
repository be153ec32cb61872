package dev.sfu.media.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.stun.StunMessage;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransportRegistryTest {
    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 1000);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 2000);

    private final TransportRegistry registry = new TransportRegistry();
    private final PacketEndpoint one = new NoopEndpoint();
    private final PacketEndpoint two = new NoopEndpoint();

    @Test
    void findsByUfragAndAddressAndFollowsMoves() {
        registry.registerUfrag("u1", one);
        registry.moveAddress(one, null, A);
        assertEquals(Optional.of(one), registry.byUfrag("u1"));
        assertEquals(Optional.of(one), registry.byAddress(A));
        registry.moveAddress(one, A, B);
        assertTrue(registry.byAddress(A).isEmpty());
        assertEquals(Optional.of(one), registry.byAddress(B));
    }

    @Test
    void duplicateUfragIsRefusedAndRemoveForgetsEverything() {
        registry.registerUfrag("u1", one);
        assertThrows(IllegalStateException.class, () -> registry.registerUfrag("u1", two));
        registry.moveAddress(one, null, A);
        registry.remove(one);
        assertTrue(registry.byUfrag("u1").isEmpty());
        assertTrue(registry.byAddress(A).isEmpty());
    }

    private static final class NoopEndpoint implements PacketEndpoint {
        @Override public void onStun(StunMessage message, InetSocketAddress from) { }
        @Override public void onDtls(PacketBuffer packet, InetSocketAddress from) { }
        @Override public void onRtpOrRtcp(PacketBuffer packet, InetSocketAddress from) { }
    }
}
