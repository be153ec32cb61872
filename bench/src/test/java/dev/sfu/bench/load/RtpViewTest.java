package dev.sfu.bench.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtpViewTest {

    @Test
    void findsThePayloadPastCsrcsAndAnExtensionAndBeforePadding() {
        byte[] p = new byte[12 + 4 + 8 + 5 + 3];
        p[0] = (byte) (0x80 | 0x20 | 0x10 | 1); // padding, extension, one CSRC
        p[1] = (byte) (0x80 | 100);
        p[2] = 0x12;
        p[3] = 0x34;
        p[8] = 0;
        p[11] = 7;
        p[16] = (byte) 0xBE;
        p[17] = (byte) 0xDE;
        p[19] = 1; // one extension word
        p[p.length - 1] = 3; // three bytes of padding

        RtpView view = new RtpView();
        assertTrue(view.wrap(p));
        assertEquals(0x1234, view.sequenceNumber());
        assertEquals(7, view.ssrc());
        assertEquals(100, view.payloadType());
        assertTrue(view.marker());
        assertEquals(24, view.payloadOffset());
        assertEquals(5, view.payloadLength());
    }

    @Test
    void truncatedOrNonRtpBytesAreRefused() {
        RtpView view = new RtpView();
        assertFalse(view.wrap(new byte[5]));
        assertFalse(view.wrap(new byte[12])); // version 0
        byte[] extensionPastTheEnd = new byte[14];
        extensionPastTheEnd[0] = (byte) 0x90;
        assertFalse(view.wrap(extensionPastTheEnd));
    }
}
