package dev.sfu.media.packet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PacketBufferTest {

    @Test
    void readsAndWritesBigEndianFieldsRelativeToOffset() {
        PacketBuffer p = PacketBuffer.wrap(new byte[12], 2, 10);
        p.setShort(0, 0xBEEF);
        p.setInt(2, 0xCAFEBABEL);
        assertEquals(0xBEEF, p.getUnsignedShort(0));
        assertEquals(0xCAFEBABEL, p.getUnsignedInt(2));
        assertEquals(0xBE, p.getBuffer()[2] & 0xFF);
    }

    @Test
    void appendGrowsTheBackingArray() {
        PacketBuffer p = new PacketBuffer(4).copyFrom(new byte[] {1, 2, 3, 4}, 0, 4);
        p.append(new byte[] {5, 6}, 2);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, p.toByteArray());
        p.shrink(3);
        assertArrayEquals(new byte[] {1, 2, 3}, p.toByteArray());
    }
}
