package dev.sfu.bench.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtcpKeyFrameRequestsTest {
    private static final byte[] RECEIVER_REPORT = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 1};
    private static final byte[] PLI = {(byte) 0x81, (byte) 206, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2};
    private static final byte[] FIR = {(byte) 0x84, (byte) 206, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 0, 0};
    private static final byte[] NACK = {(byte) 0x81, (byte) 205, 0, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 5, 0, 0};

    @Test
    void findsAPliAfterAReceiverReportInACompound() {
        byte[] compound = new byte[RECEIVER_REPORT.length + PLI.length];
        System.arraycopy(RECEIVER_REPORT, 0, compound, 0, RECEIVER_REPORT.length);
        System.arraycopy(PLI, 0, compound, RECEIVER_REPORT.length, PLI.length);

        assertTrue(RtcpKeyFrameRequests.contains(compound));
    }

    @Test
    void findsAFir() {
        assertTrue(RtcpKeyFrameRequests.contains(FIR));
    }

    @Test
    void aNackOrGarbageIsNoRequest() {
        assertFalse(RtcpKeyFrameRequests.contains(NACK));
        assertFalse(RtcpKeyFrameRequests.contains(new byte[] {1, 2, 3}));
        assertFalse(RtcpKeyFrameRequests.contains(new byte[] {(byte) 0x81, (byte) 206}));
    }
}
