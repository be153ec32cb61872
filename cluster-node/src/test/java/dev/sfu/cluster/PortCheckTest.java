package dev.sfu.cluster;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortCheckTest {

    @Test
    void aListeningTcpPortIsReportedByNameAndNumber() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(TestMembers.HOST))) {
            assertTrue(taken.isBound());
            StartupException failure = assertThrows(StartupException.class,
                    () -> PortCheck.requireFreeTcp("management", TestMembers.HOST, taken.getLocalPort()));

            assertTrue(failure.getMessage().startsWith("management port " + taken.getLocalPort() + " (TCP)"),
                    failure.getMessage());
        }
    }

    @Test
    void aBoundUdpPortIsReportedByNameAndNumber() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(TestMembers.HOST, 0))) {
            StartupException failure = assertThrows(StartupException.class,
                    () -> PortCheck.requireFreeUdp("media", TestMembers.HOST, taken.getLocalPort()));

            assertTrue(failure.getMessage().startsWith("media port " + taken.getLocalPort() + " (UDP)"),
                    failure.getMessage());
        }
    }

    @Test
    void freePortsPass() {
        TestMembers.Ports ports = TestMembers.Ports.free();
        NodeSettings settings = NodeSettings.from(TestMembers.config("free", ports, ports.remotingHostPort()));

        assertDoesNotThrow(() -> PortCheck.requireFree(settings));
    }

    @Test
    void theFirstTakenPortOfAMemberIsNamed() throws IOException {
        TestMembers.Ports ports = TestMembers.Ports.free();
        NodeSettings settings = NodeSettings.from(TestMembers.config("busy", ports, ports.remotingHostPort()));
        try (ServerSocket taken = new ServerSocket(ports.management(), 1, InetAddress.getByName(TestMembers.HOST))) {
            assertTrue(taken.isBound());
            StartupException failure = assertThrows(StartupException.class, () -> PortCheck.requireFree(settings));

            assertTrue(failure.getMessage().contains("port " + ports.management()), failure.getMessage());
        }
    }
}
