package dev.sfu.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfu.cluster.registry.CpuOnlyLoadSource;
import dev.sfu.signaling.JsonSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One member on its own: its HTTP surface answers bad requests in JSON, and a taken port stops its startup. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SfuNodeTest {
    private SfuNode node;

    @BeforeAll
    void startOneMember() throws StartupException {
        TestMembers.Ports ports = TestMembers.Ports.free();
        node = SfuNode.start(TestMembers.config("solo", ports, ports.remotingHostPort()), new CpuOnlyLoadSource());
    }

    @AfterAll
    void stopMember() {
        node.close();
    }

    @Test
    void anUnknownPathIsAJson404() throws IOException {
        HttpResponse<String> response = TestMembers.get(node.endpoints().httpUrl() + "/api/no-such-thing");

        assertEquals(404, response.statusCode());
        assertJsonError(response, "/api/no-such-thing");
    }

    @Test
    void aWrongMethodIsAJson405() throws IOException {
        HttpResponse<String> response = TestMembers.send(HttpRequest.newBuilder(
                URI.create(node.endpoints().httpUrl() + "/api/sfu-nodes")).DELETE());

        assertEquals(405, response.statusCode());
        assertJsonError(response, "GET");
    }

    @Test
    void anUnknownProducerIdAnswers404NamingIt() throws Exception {
        var failure = assertThrows(Exception.class,
                () -> node.service().closeProducer("p1").toCompletableFuture().join());
        assertTrue(failure.getCause() instanceof dev.sfu.signaling.api.ApiException api && api.status() == 404
                && api.getMessage().contains("'p1'"), failure.toString());
    }

    @Test
    void aTakenHttpPortStopsStartupNamingThePort() throws IOException {
        TestMembers.Ports ports = TestMembers.Ports.free();
        try (ServerSocket taken = new ServerSocket(ports.http(), 1, InetAddress.getByName(TestMembers.HOST))) {
            assertTrue(taken.isBound());
            StartupException failure = assertThrows(StartupException.class, () -> SfuNode.start(
                    TestMembers.config("blocked", ports, ports.remotingHostPort()), new CpuOnlyLoadSource()));

            assertTrue(failure.getMessage().contains("HTTP port " + ports.http()), failure.getMessage());
        }
    }

    @Test
    void aBadSrtpAesSettingStopsStartupNamingTheKey() {
        TestMembers.Ports ports = TestMembers.Ports.free();
        StartupException failure = assertThrows(StartupException.class, () -> SfuNode.start(
                com.typesafe.config.ConfigFactory.parseString("sfu.media.srtp-aes = bouncy")
                        .withFallback(TestMembers.config("bad-aes", ports, ports.remotingHostPort())),
                new CpuOnlyLoadSource()));

        assertTrue(failure.getMessage().contains("sfu.media.srtp-aes") && failure.getMessage().contains("sunjce"),
                failure.getMessage());
    }

    @Test
    void aTakenRemotingPortStopsStartupNamingThePort() throws IOException {
        TestMembers.Ports ports = TestMembers.Ports.free();
        try (ServerSocket taken = new ServerSocket(ports.remoting(), 1, InetAddress.getByName(TestMembers.HOST))) {
            assertTrue(taken.isBound());
            StartupException failure = assertThrows(StartupException.class, () -> SfuNode.start(
                    TestMembers.config("blocked", ports, ports.remotingHostPort()), new CpuOnlyLoadSource()));

            assertTrue(failure.getMessage().contains("remoting port " + ports.remoting()), failure.getMessage());
        }
    }

    private static void assertJsonError(HttpResponse<String> response, String mentioned) throws IOException {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        JsonNode body = JsonSupport.MAPPER.readTree(response.body());
        assertTrue(body.hasNonNull("error"), response.body());
        assertTrue(body.get("error").asText().contains(mentioned), response.body());
    }
}
