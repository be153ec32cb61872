package dev.sfu.cluster.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.sfu.signaling.api.SignalingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventLogAppenderTest {
    private final LoggerContext context = new LoggerContext();
    private final List<SignalingEvent> published = new ArrayList<>();

    @AfterEach
    void disconnect() {
        EventLogAppender.stopPublishing();
    }

    private LoggingEvent line(String logger, Level level, String message, Object... args) {
        Logger l = context.getLogger(logger);
        return new LoggingEvent(Logger.class.getName(), l, level, message, null, args);
    }

    @Test
    void publishesOurInfoLinesAndOthersWarningsAsLogEvents() {
        EventLogAppender appender = new EventLogAppender();
        appender.setContext(context);
        appender.start();
        EventLogAppender.publishTo("sfu2", published::add);

        appender.doAppend(line("dev.sfu.cluster.Guardian", Level.INFO, "started {}", "sfu2"));
        appender.doAppend(line("org.apache.pekko.cluster.Cluster", Level.INFO, "gossip"));
        appender.doAppend(line("org.apache.pekko.cluster.Cluster", Level.WARN, "unreachable"));
        appender.doAppend(line("dev.sfu.media.net.DatagramDemuxer", Level.DEBUG, "noise"));

        assertEquals(2, published.size());
        SignalingEvent first = published.get(0);
        assertEquals("log", first.type());
        assertEquals("sfu2", first.node());
        assertEquals("INFO", first.data().get("level"));
        assertEquals("dev.sfu.cluster.Guardian", first.data().get("logger"));
        assertEquals("started sfu2", first.data().get("message"));
        assertEquals("WARN", published.get(1).data().get("level"));
    }

    @Test
    void dropsLinesWhileNotConnectedAndBeyondTheRateLimit() {
        EventLogAppender appender = new EventLogAppender();
        appender.setContext(context);
        appender.start();
        appender.doAppend(line("dev.sfu.x", Level.INFO, "before connecting"));
        assertTrue(published.isEmpty());

        EventLogAppender.publishTo("sfu1", published::add);
        for (int i = 0; i < 1000; i++) {
            appender.doAppend(line("dev.sfu.x", Level.WARN, "flood"));
        }
        assertTrue(published.size() < 1000, "the burst limit caps a flood: " + published.size());
        assertTrue(appender.droppedLines() > 0);
    }
}
