package dev.sfu.cluster.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.sfu.signaling.api.SignalingEvent;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns this member's log lines into {@code log} signaling events, so the dashboard's live log shows every member.
 * Configured in logback.xml; it drops lines until the member connects it to the event topic with
 * {@link #publishTo}. Our own lines are sent from INFO, everyone else's from WARN, and a token bucket keeps a
 * chatty member from flooding the cluster (what it drops is counted).
 */
public final class EventLogAppender extends AppenderBase<ILoggingEvent> {
    private static final int LINES_PER_SECOND = 20;
    private static final int BURST = 100;

    private static volatile Consumer<SignalingEvent> sink;
    private static volatile String nodeId = "";

    private final LogRateLimit rateLimit = new LogRateLimit(LINES_PER_SECOND, BURST);
    private final ThreadLocal<Boolean> publishing = ThreadLocal.withInitial(() -> false);

    /** Connects every appender of this JVM to the event topic of the member {@code node}. */
    public static void publishTo(String node, Consumer<SignalingEvent> eventSink) {
        nodeId = node;
        sink = eventSink;
    }

    /** Disconnects (the member is stopping). */
    public static void stopPublishing() {
        sink = null;
    }

    /** Lines dropped by the rate limit since startup. */
    public long droppedLines() {
        return rateLimit.dropped();
    }

    @Override
    protected void append(ILoggingEvent line) {
        Consumer<SignalingEvent> target = sink;
        if (target == null || !worthSending(line) || publishing.get()) {
            return;
        }
        if (!rateLimit.tryAcquire(System.nanoTime())) {
            return;
        }
        publishing.set(true); // a line logged while publishing must not publish again
        try {
            target.accept(toEvent(line, nodeId));
        } catch (RuntimeException e) {
            addWarn("cannot publish a log line: " + e);
        } finally {
            publishing.set(false);
        }
    }

    static boolean worthSending(ILoggingEvent line) {
        Level minimum = line.getLoggerName().startsWith("dev.sfu") ? Level.INFO : Level.WARN;
        return line.getLevel().isGreaterOrEqual(minimum);
    }

    static SignalingEvent toEvent(ILoggingEvent line, String node) {
        return new SignalingEvent("log", null, node, line.getTimeStamp(), Map.of(
                "level", line.getLevel().toString(),
                "logger", line.getLoggerName(),
                "message", line.getFormattedMessage()));
    }
}
