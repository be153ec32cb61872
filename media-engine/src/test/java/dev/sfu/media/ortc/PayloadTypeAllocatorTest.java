package dev.sfu.media.ortc;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PayloadTypeAllocatorTest {

    @Test
    void handsOutHundredUpwardsThenNinetySixToNinetyNine() {
        PayloadTypeAllocator allocator = new PayloadTypeAllocator();
        assertTrue(allocator.reserve(101));
        assertEquals(100, allocator.next());
        assertEquals(102, allocator.next());
        for (int pt = 103; pt <= 127; pt++) assertEquals(pt, allocator.next());
        assertEquals(96, allocator.next());
    }

    @Test
    void refusesToReserveTwiceAndReportsExhaustion() {
        PayloadTypeAllocator allocator = new PayloadTypeAllocator();
        assertTrue(allocator.reserve(96));
        assertFalse(allocator.reserve(96));
        for (int i = 0; i < 31; i++) allocator.next();
        assertTrue(assertThrows(OrtcException.class, allocator::next).getMessage().contains("no dynamic payload type left"));
    }
}
