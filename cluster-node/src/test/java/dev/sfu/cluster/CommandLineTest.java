package dev.sfu.cluster;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    @Test
    void everyFlagSetsItsConfigurationKey() {
        Map<String, String> overrides = CommandLine.parse("--id", "sfu4", "--hostname", "10.0.0.4", "--http-port", "3004",
                "--remoting-port", "2554", "--management-port", "8561", "--media-port", "40004",
                "--media-bind-host", "0.0.0.0", "--announced-ip", "203.0.113.4", "--seed-nodes", "10.0.0.1:2551");

        assertEquals(Map.of(
                "sfu.node.id", "sfu4",
                "sfu.node.hostname", "10.0.0.4",
                "sfu.http.port", "3004",
                "sfu.remoting.port", "2554",
                "sfu.management.port", "8561",
                "sfu.media.port", "40004",
                "sfu.media.bind-host", "0.0.0.0",
                "sfu.media.announced-ip", "203.0.113.4",
                "sfu.cluster.seed-nodes", "10.0.0.1:2551"), overrides);
    }

    @Test
    void aFlagMayCarryItsValueAfterAnEqualsSign() {
        assertEquals(Map.of("sfu.http.port", "3005"), CommandLine.parse("--http-port=3005"));
    }

    @Test
    void anUnknownFlagIsNamed() {
        var failure = assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--htp-port", "3001"));
        assertTrue(failure.getMessage().contains("--htp-port"), failure.getMessage());
    }

    @Test
    void aPortMustBeANumberInRange() {
        var failure = assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--media-port", "70000"));
        assertTrue(failure.getMessage().contains("--media-port") && failure.getMessage().contains("70000"),
                failure.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--http-port", "http"));
    }

    @Test
    void aFlagWithoutValueIsRefused() {
        var failure = assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--id"));
        assertTrue(failure.getMessage().contains("missing value for --id"), failure.getMessage());
    }

    @Test
    void usageListsEveryFlagWithItsEnvironmentVariable() {
        for (CommandLine.Flag flag : CommandLine.FLAGS) {
            assertTrue(CommandLine.usage().contains(flag.name()) && CommandLine.usage().contains(flag.envVar()),
                    flag.toString());
        }
    }
}
