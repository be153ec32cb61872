package dev.sfu.signaling.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfu.signaling.JsonSupport;
import dev.sfu.signaling.api.SignalingEvent;
import dev.sfu.signaling.api.SignalingService;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.StreamLimitReachedException;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The {@code /ws} event stream of one client. It sends {@code hello}, then every event of the client's
 * subscription as JSON text. Events wait in a bounded queue; when a slow client lets it fill up, new events are
 * dropped and counted rather than held in memory. Client messages are read (bounded in size) and ignored, except
 * "ping", answered with a "pong" event. The subscription is closed when the socket closes, either way.
 */
public final class SignalingEventSocket {
    private static final Logger log = LoggerFactory.getLogger(SignalingEventSocket.class);

    private final SignalingService service;
    private final int bufferSize;
    private final int maxClientMessageBytes;
    private final EventSocketCounters counters;

    public SignalingEventSocket(SignalingService service, int bufferSize, int maxClientMessageBytes,
                                EventSocketCounters counters) {
        this.service = service;
        this.bufferSize = bufferSize;
        this.maxClientMessageBytes = maxClientMessageBytes;
        this.counters = counters;
    }

    /** A new flow for one connection; {@code room} null subscribes to every room. */
    public Flow<Message, Message, NotUsed> flow(String room, Materializer materializer) {
        CompletableFuture<BoundedSourceQueue<SignalingEvent>> queueOnceOpen = new CompletableFuture<>();
        AtomicLong droppedHere = new AtomicLong();

        Source<Message, NotUsed> outgoing = Source.<SignalingEvent>queue(bufferSize)
                .mapMaterializedValue(queue -> {
                    queueOnceOpen.complete(queue);
                    return open(room, event -> offer(queue, event, room, droppedHere));
                })
                .watchTermination((subscription, done) -> {
                    done.whenComplete((ok, failure) -> close(subscription, room));
                    return NotUsed.notUsed();
                })
                .prepend(Source.single(ownEvent("hello", room)))
                .mapConcat(this::toMessage);

        Sink<Message, NotUsed> incoming = Flow.<Message>create()
                .mapAsync(1, message -> readBounded(message, materializer))
                .takeWhile(Optional::isPresent)
                .map(Optional::get)
                .filter(SignalingEventSocket::isPing)
                .to(Sink.foreach(ping -> queueOnceOpen.thenAccept(queue ->
                        offer(queue, ownEvent("pong", room), room, droppedHere))));

        return Flow.fromSinkAndSourceCoupled(incoming, outgoing);
    }

    private AutoCloseable open(String room, Consumer<SignalingEvent> listener) {
        AutoCloseable subscription = service.subscribe(room, listener);
        counters.socketOpened();
        log.debug("event socket opened (room {})", room);
        return subscription;
    }

    private void close(AutoCloseable subscription, String room) {
        counters.socketClosed();
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("closing the event subscription of room {} failed", room, e);
        }
        log.debug("event socket closed (room {})", room);
    }

    private void offer(BoundedSourceQueue<SignalingEvent> queue, SignalingEvent event, String room,
                       AtomicLong droppedHere) {
        if (queue.offer(event) == QueueOfferResult.dropped()) {
            counters.eventDropped();
            if (droppedHere.incrementAndGet() == 1) {
                log.warn("event socket (room {}) is not keeping up; dropping events beyond {} queued", room, bufferSize);
            }
        }
    }

    private List<Message> toMessage(SignalingEvent event) {
        try {
            String json = EventJson.toJson(event);
            counters.eventSent();
            return List.of(TextMessage.create(json));
        } catch (JsonProcessingException e) {
            counters.eventUnserializable();
            log.error("cannot serialize {} event; skipped", event.type(), e);
            return List.of();
        }
    }

    private SignalingEvent ownEvent(String type, String room) {
        return new SignalingEvent(type, room, service.nodeId(), System.currentTimeMillis(), Map.of());
    }

    /**
     * The text of a client message, read only up to the size limit. A bigger message yields empty, which ends the
     * incoming side and so closes the socket (normally, with a close frame).
     */
    private CompletionStage<Optional<String>> readBounded(Message message, Materializer materializer) {
        CompletionStage<String> text = message.isText()
                ? message.asTextMessage().getStreamedText()
                        .limitWeighted(maxClientMessageBytes, part -> (long) part.length())
                        .runFold(new StringBuilder(), StringBuilder::append, materializer)
                        .thenApply(StringBuilder::toString)
                : message.asBinaryMessage().getStreamedData()
                        .limitWeighted(maxClientMessageBytes, (ByteString part) -> (long) part.size())
                        .runWith(Sink.ignore(), materializer)
                        .thenApply(done -> "");
        return text.handle((read, failure) -> {
            if (failure == null) {
                return Optional.of(read);
            }
            if (unwrap(failure) instanceof StreamLimitReachedException) {
                counters.oversizedClientMessage();
                log.info("closing event socket: client message larger than {} bytes", maxClientMessageBytes);
                return Optional.empty();
            }
            throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static boolean isPing(String text) {
        String trimmed = text.trim();
        if (trimmed.equals("ping")) {
            return true;
        }
        if (!trimmed.startsWith("{")) {
            return false;
        }
        try {
            JsonNode json = JsonSupport.MAPPER.readTree(trimmed);
            return json.path("type").asText().equals("ping");
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
