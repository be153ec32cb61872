package dev.sfu.signaling.ws;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of the event WebSockets of one member, shared by all its sockets (thread-safe). */
public final class EventSocketCounters {
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong unserializable = new AtomicLong();
    private final AtomicLong oversizedClientMessages = new AtomicLong();

    void socketOpened() {
        opened.incrementAndGet();
        open.incrementAndGet();
    }

    void socketClosed() {
        open.decrementAndGet();
    }

    void eventSent() {
        sent.incrementAndGet();
    }

    /** Returns the new total, so the caller can log the first drops without flooding the log. */
    long eventDropped() {
        return dropped.incrementAndGet();
    }

    void eventUnserializable() {
        unserializable.incrementAndGet();
    }

    void oversizedClientMessage() {
        oversizedClientMessages.incrementAndGet();
    }

    public long open() {
        return open.get();
    }

    public long sent() {
        return sent.get();
    }

    /** Events not delivered because a client's buffer was full. */
    public long dropped() {
        return dropped.get();
    }

    public Map<String, Object> snapshot() {
        return Map.of("opened", opened.get(), "open", open.get(), "sent", sent.get(), "dropped", dropped.get(),
                "unserializable", unserializable.get(), "oversizedClientMessages", oversizedClientMessages.get());
    }
}
