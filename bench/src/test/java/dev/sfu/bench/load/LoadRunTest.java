package dev.sfu.bench.load;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.sfu.cluster.NodeConfig;
import dev.sfu.cluster.SfuNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load tool's core against a real member started in this JVM (HTTP API, media engine on a real UDP port):
 * one publisher, two subscribers, a few seconds of media. Only that figures exist and are sane is checked,
 * never how fast anything was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadRunTest {
    private static final String HOST = "127.0.0.1";

    private SfuNode member;

    @BeforeAll
    void startMember() throws Exception {
        int remoting = freeTcpPort();
        Config overrides = ConfigFactory.parseMap(Map.of(
                "sfu.node.id", "load1",
                "sfu.node.hostname", HOST,
                "sfu.http.port", Integer.toString(freeTcpPort()),
                "sfu.remoting.port", Integer.toString(remoting),
                "sfu.management.port", Integer.toString(freeTcpPort()),
                "sfu.media.port", Integer.toString(freeUdpPort()),
                "sfu.cluster.seed-nodes", HOST + ":" + remoting))
                .withFallback(ConfigFactory.parseString("""
                        sfu.startup-timeout = 90s
                        pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                        pekko.coordinated-shutdown.exit-jvm = off
                        """));
        member = SfuNode.start(NodeConfig.load(overrides));
    }

    @AfterAll
    void stopMember() {
        if (member != null) member.close();
    }

    @Test
    void oneTwoSubscribersReceiveEveryPacketIntactWithLatencyFigures() throws Exception {
        LoadPlan plan = new LoadPlan("fanout", 1, List.of(2), Placement.SAME, 3, 300_000, 32_000, 10, 0, 2, 1, 1,
                "load-test", 0.5, 20, 1);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<StepResult> steps = new LoadRun(plan, List.of(member.endpoints().httpUrl()),
                List.of(ProcessHandle.current().pid()), 1, Duration.ofSeconds(30),
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        String log = progress.toString(StandardCharsets.UTF_8);
        assertEquals(1, steps.size(), log);
        StepResult step = steps.get(0);
        assertTrue(step.joinFailures().isEmpty(), step.joinFailures() + "\n" + log);
        assertEquals(2, step.joined());
        assertEquals(4, step.consumerStreams());
        assertEquals(0, step.silentSubscribers(), log);

        ReceiveTotals window = step.window();
        assertTrue(window.received() > 0, log);
        assertEquals(0, window.lost(), log);
        assertEquals(0, window.badProbes(), log);
        assertEquals(0, window.unknownSsrc(), log);
        assertTrue(window.checksumsVerified() > 0, log);
        assertEquals(0, window.checksumFailures(), log);

        LatencyHistogram latency = window.latency();
        assertEquals(window.received(), latency.count());
        long p50 = latency.percentileMicros(0.5);
        long p99 = latency.percentileMicros(0.99);
        assertTrue(p50 > 0 && p50 <= p99 && p99 <= latency.maxMicros(), latency + " p50 " + p50 + " p99 " + p99);

        assertEquals(2, step.firstPacketMillis().size());
        assertTrue(step.firstPacketMillis().stream().allMatch(ms -> ms > 0), step.firstPacketMillis().toString());
        assertTrue(step.connectMillis().stream().allMatch(ms -> ms > 0), step.connectMillis().toString());
        assertFalse(step.members().isEmpty(), "CPU of the given pid read from /proc");
        assertTrue(step.members().get(0).cores() >= 0 && step.members().get(0).rssKb() > 0);

        var json = ResultJson.of(plan, steps, null);
        for (String field : List.of("scenario", "publishers", "subscribers", "lossPct", "p50Ms", "p99Ms", "joinP99Ms",
                "cpuCores", "streamsPerCore")) {
            assertTrue(json.has(field), field + " in " + json);
        }
        assertEquals(0.0, json.get("lossPct").asDouble());

        // The member runs in this JVM: its media thread is found among this process's threads.
        assertTrue(step.saturation().sfuMediaThreadCores() >= 0 && step.saturation().toolLoopCores() > 0,
                step.saturation().toString());
        var line = ResultJson.step(plan, step);
        for (String field : List.of("subscribers", "consumerStreams", "lossPct", "p50Ms", "p99Ms", "cpuCores",
                "streamsPerCore", "toolCpuCores", "sfuMediaThreadCores", "toolBusiestThreadCores", "machineBusyPct",
                "otherCpuCores", "mediaThreadStreamsPerCore",
                "bottleneck", "within")) {
            assertTrue(line.has(field), field + " in " + line);
        }
        assertTrue(log.contains(line.get("bottleneck").asText()), "the step's JSON line is in the progress output");
    }

    @Test
    void aRampStepOverTheLimitsIsMeasuredAgainThenEndsTheRamp() throws Exception {
        // A p99 limit of 0 ms cannot be met: the first step is measured twice (one retry), and the ramp ends there.
        LoadPlan plan = new LoadPlan("fanout", 1, List.of(1, 2), Placement.SAME, 1, 100_000, 32_000, 10, 0, 1, 1, 1,
                "load-test-retry", 0.5, 0, 1);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<StepResult> steps = new LoadRun(plan, List.of(member.endpoints().httpUrl()), List.of(), 1,
                Duration.ofSeconds(30), new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        String log = progress.toString(StandardCharsets.UTF_8);
        assertEquals(1, steps.size(), log);
        assertEquals(1, steps.get(0).joined(), log);
        assertTrue(log.contains("measuring it again (1 of 1)"), log);
        assertFalse(log.contains("measuring it again (2 of"), log);
        assertTrue(log.contains("ramp ends"), log);
        var json = ResultJson.of(plan, steps, null);
        assertEquals(0, json.get("capacitySubscribers").asInt());
        assertTrue(json.has("rampEndedBy"), json.toString());
    }

    @Test
    void aSubscriberPlacedWrongIsReportedAsAJoinFailure() throws Exception {
        // One member behind two target URLs: "other" placement finds no member besides the publisher's and says so.
        String url = member.endpoints().httpUrl();
        String sameMemberByName = url.replace("127.0.0.1", "localhost");
        LoadPlan plan = new LoadPlan("fanout-cross", 1, List.of(1), Placement.OTHER, 1, 100_000, 32_000, 10, 0, 1, 0,
                1, "load-test-other", 0.5, 20, 1);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<StepResult> steps = new LoadRun(plan, List.of(url, sameMemberByName), List.of(), 1, Duration.ofSeconds(30),
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        StepResult step = steps.get(0);
        assertEquals(0, step.joined(), progress.toString(StandardCharsets.UTF_8));
        assertEquals(1, step.joinFailures().size(), step.joinFailures().toString());
        assertTrue(step.joinFailures().keySet().iterator().next().contains("publisher's member"),
                step.joinFailures().toString());
    }

    private static int freeTcpPort() {
        return freePort();
    }

    private static int freeUdpPort() {
        return freePort();
    }

    /** A free port below Linux's ephemeral range, so no outgoing connection can take it before the member binds. */
    private static int freePort() {
        java.util.Random random = new java.util.Random();
        for (int tries = 0; tries < 1000; tries++) {
            int port = 20000 + random.nextInt(12000);
            try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getByName(HOST));
                 DatagramSocket udp = new DatagramSocket(port, InetAddress.getByName(HOST))) {
                return port;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between 20000 and 32000"));
    }
}
