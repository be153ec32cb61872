package dev.sfu.cluster;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @Test
    void aTakenPortEndsTheProgramWithAFailureCode() throws IOException {
        TestMembers.Ports ports = TestMembers.Ports.free();
        try (ServerSocket taken = new ServerSocket(ports.http(), 1, InetAddress.getByName(TestMembers.HOST))) {
            assertTrue(taken.isBound());
            int exitCode = Main.run(new String[]{"--id", "busy", "--http-port", Integer.toString(ports.http()),
                    "--remoting-port", Integer.toString(ports.remoting()),
                    "--management-port", Integer.toString(ports.management()),
                    "--media-port", Integer.toString(ports.media()), "--seed-nodes", ports.remotingHostPort()});

            assertEquals(Main.EXIT_CANNOT_START, exitCode);
        }
    }

    @Test
    void badFlagsEndTheProgramWithTheUsageCode() {
        assertEquals(Main.EXIT_USAGE, Main.run(new String[]{"--http-port", "not-a-port"}));
    }
}
