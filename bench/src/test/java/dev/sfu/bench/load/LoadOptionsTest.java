package dev.sfu.bench.load;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadOptionsTest {

    @Test
    void scenarioDefaultsAndLaterOptionsWin() {
        LoadOptions o = LoadOptions.parse(new String[] {"fanout-cross", "--target", "http://a:1,http://b:2",
                "--subscribers", "5", "--subscribers", "20", "--server-pids", "11,12"});

        assertEquals(List.of("http://a:1", "http://b:2"), o.targets());
        assertEquals(List.of(11L, 12L), o.serverPids());
        assertEquals(List.of(20), o.plan().subscriberSteps());
        assertEquals(Placement.OTHER, o.plan().placement());
        assertEquals("fanout-cross", o.plan().scenario());
    }

    @Test
    void meetingAndJoinStormHaveTheirShapes() {
        LoadOptions meeting = LoadOptions.parse(new String[] {"meeting", "--target", "http://a:1"});
        LoadOptions storm = LoadOptions.parse(new String[] {"join-storm", "--target", "http://a:1"});

        assertEquals(10, meeting.plan().publishers());
        assertEquals(List.of(10), meeting.plan().subscriberSteps());
        assertEquals(200, meeting.plan().consumerStreams(10));
        assertEquals(List.of(200), storm.plan().subscriberSteps());
        assertEquals(10.0, storm.plan().joinSpreadSeconds());
    }

    @Test
    void rampDoublesFromFiftyUpToTheCeiling() {
        LoadOptions o = LoadOptions.parse(new String[] {"fanout", "--target", "http://a:1", "--ramp",
                "--max-subscribers", "400"});

        assertEquals(List.of(50, 100, 200, 400), o.plan().subscriberSteps());
        assertTrue(o.plan().ramp());
    }

    @Test
    void rampCanStartAnywhereAndGrowByAFixedStep() {
        LoadOptions o = LoadOptions.parse(new String[] {"fanout", "--target", "http://a:1", "--ramp",
                "--ramp-start", "100", "--ramp-step", "150", "--max-subscribers", "600", "--steps-file", "/tmp/s"});

        assertEquals(List.of(100, 250, 400, 550), o.plan().subscriberSteps());
        assertEquals("/tmp/s", o.stepsFile());
        assertEquals(List.of(20, 40, 80), LoadOptions.parse(new String[] {"fanout", "--target", "http://a:1",
                "--ramp", "--ramp-start", "20", "--max-subscribers", "100"}).plan().subscriberSteps());
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"fanout", "--target",
                "http://a:1", "--ramp", "--ramp-start", "0"}));
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"fanout"}))
                .getMessage().contains("--target"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(
                new String[] {"nope", "--target", "http://a:1"})).getMessage().contains("unknown scenario"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(
                new String[] {"fanout", "--target", "http://a:1", "--bogus", "1"})).getMessage().contains("--bogus"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(
                new String[] {"fanout", "--target", "http://a:1", "--seconds", "x"})).getMessage().contains("--seconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(
                new String[] {"fanout", "--target", "http://a:1", "--placement", "far"})).getMessage().contains("same"));
    }
}
