package dev.sfu.media.rtp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtpPacketCacheTest {

    @Test
    void storesCopiesKeyedBySequenceNumber() {
        RtpPacketCache cache = new RtpPacketCache(100);
        assertEquals(128, cache.capacity());
        PacketBuffer original = PacketFixtures.buffer("vp8-keyframe-abs-send-time-tcc.hex");
        byte[] bytes = original.toByteArray();
        RtpPacket rtp = new RtpPacket();
        assertTrue(rtp.wrap(original));
        cache.store(rtp);
        rtp.setSequenceNumber(1);                       // the caller keeps mutating its own buffer
        PacketBuffer cached = cache.get(6751);
        assertNotSame(original, cached);
        assertArrayEquals(bytes, cached.toByteArray());
        assertNull(cache.get(6752));
    }

    @Test
    void newerPacketsEvictTheSlotTheyShare() {
        RtpPacketCache cache = new RtpPacketCache(4);
        RtpPacket rtp = new RtpPacket();
        PacketBuffer p = PacketFixtures.buffer("opus-audio-level-mid.hex");
        assertTrue(rtp.wrap(p));
        for (int seq = 65534; seq != 4; seq = (seq + 1) & 0xFFFF) {
            rtp.setSequenceNumber(seq);
            cache.store(rtp);
        }
        assertNull(cache.get(65535), "evicted by seq 3");
        assertEquals(3, cache.get(3).getUnsignedShort(2));
        assertEquals(0, cache.get(0).getUnsignedShort(2));
        cache.clear();
        assertNull(cache.get(3));
    }
}
