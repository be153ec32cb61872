package dev.sfu.signaling;

import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.RtcpFeedback;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.media.ortc.RtpCodecCapability;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpHeaderExtensionCapability;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.ortc.RtcpParameters;
import dev.sfu.media.transport.DtlsFingerprint;
import dev.sfu.media.transport.DtlsParameters;
import dev.sfu.media.transport.IceCandidate;
import dev.sfu.media.transport.IceParameters;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.NodeLoad;
import dev.sfu.signaling.api.Requests;
import dev.sfu.signaling.api.Responses.ConnectionInfo;
import dev.sfu.signaling.api.Responses.ConsumerCreated;
import dev.sfu.signaling.api.Responses.ProducerCreated;
import dev.sfu.signaling.api.Responses.RoomClosed;
import dev.sfu.signaling.api.Responses.RoomCreated;
import dev.sfu.signaling.api.Responses.RoomInfo;
import dev.sfu.signaling.api.Responses.StreamInfo;
import dev.sfu.signaling.api.Responses.TransportCreated;
import dev.sfu.signaling.api.SignalingEvent;
import dev.sfu.signaling.api.SignalingService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The collaborator of the HTTP layer in tests: records every call with its parsed argument, answers canned DTOs,
 * and fails or hangs on demand. Subscriptions are recorded so tests can push events and see them closed.
 */
public final class RecordingSignalingService implements SignalingService {
    static final String NODE = "sfu1";

    static final RtpCapabilities ROUTER_CAPS = new RtpCapabilities(
            List.of(new RtpCodecCapability("audio", "audio/opus", 100, 48000, 2, Map.of("useinbandfec", 1),
                            List.of(new RtcpFeedback("transport-cc", null))),
                    new RtpCodecCapability("video", "video/VP8", 101, 90000, null, Map.of(),
                            List.of(new RtcpFeedback("nack", null), new RtcpFeedback("nack", "pli")))),
            List.of(new RtpHeaderExtensionCapability("video", "urn:ietf:params:rtp-hdrext:sdes:mid", 1, false, "sendrecv")));

    static final TransportCreated TRANSPORT = new TransportCreated("t1", NODE, "r1", "send",
            new IceParameters("ufrag1", "pwd1", true), List.of(IceCandidate.udpHost("127.0.0.1", 40001)),
            new DtlsParameters("auto", List.of(new DtlsFingerprint("sha-256", "AB:CD:EF"))));

    static final ProducerCreated PRODUCER = new ProducerCreated("p1", NODE);

    static final ConsumerCreated CONSUMER = new ConsumerCreated("c1", "p1", MediaKind.VIDEO.wireName(),
            new RtpParameters("0", List.of(new RtpCodecParameters("video/VP8", 101, 90000, null, Map.of(), List.of())),
                    List.of(), List.of(new RtpEncodingParameters(1234L, null, null, null, null, null, null)),
                    new RtcpParameters("cname1", true, true)),
            "simple", false, NODE);

    static final List<StreamInfo> STREAMS = List.of(new StreamInfo("p1", "r1", "video", NODE, List.of("sfu2"), false, 1));

    static final List<ConnectionInfo> CONNECTIONS = List.of(
            new ConnectionInfo("t1", NODE, "r1", "send", "completed", "connected", 1000, 0, 1, 0));

    static final List<NodeInfo> NODES = List.of(new NodeInfo(NODE, "Up", "http://127.0.0.1:3001",
            "http://127.0.0.1:8558", "127.0.0.1:40001", NodeLoad.EMPTY, 1L));

    public record Call(String method, Object argument) {
    }

    /** One {@link #subscribe} of a WebSocket: its room filter, its listener, and whether it was closed. */
    public static final class Subscription implements AutoCloseable {
        public final String room;
        final Consumer<SignalingEvent> listener;
        public final AtomicBoolean closed = new AtomicBoolean();

        Subscription(String room, Consumer<SignalingEvent> listener) {
            this.room = room;
            this.listener = listener;
        }

        public void push(SignalingEvent event) {
            listener.accept(event);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    /** The rooms {@link #roomOf} knows by default: every canned id is in room r1. */
    static final Map<String, String> DEFAULT_ROOMS = Map.of("t1", "r1", "t2", "r1", "p1", "r1", "c1", "r1");

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> roomsById = new ConcurrentHashMap<>(DEFAULT_ROOMS);
    public final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hanging = new ConcurrentHashMap<>();

    /** On: every created transport and producer gets a new id (the quota tests count them). */
    public volatile boolean freshIds;
    private final java.util.concurrent.atomic.AtomicInteger nextId = new java.util.concurrent.atomic.AtomicInteger();

    public void reset() {
        freshIds = false;
        calls.clear();
        subscriptions.clear();
        failures.clear();
        hanging.clear();
        roomsById.clear();
        roomsById.putAll(DEFAULT_ROOMS);
    }

    /** Every call so far, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** From now on {@link #roomOf} answers {@code room} for {@code id}. */
    public void putRoom(String id, String room) {
        roomsById.put(id, room);
    }

    /** The next calls of {@code method} fail with {@code failure}. */
    public void failWith(String method, Throwable failure) {
        failures.put(method, failure);
    }

    /** The next calls of {@code method} never complete. */
    void hang(String method) {
        hanging.put(method, true);
    }

    public List<Call> callsOf(String method) {
        List<Call> matching = new ArrayList<>();
        for (Call call : calls) {
            if (call.method().equals(method)) {
                matching.add(call);
            }
        }
        return matching;
    }

    Object onlyArgumentOf(String method) {
        List<Call> matching = callsOf(method);
        if (matching.size() != 1) {
            throw new AssertionError("expected one call of " + method + ", got " + calls);
        }
        return matching.get(0).argument();
    }

    private <T> CompletionStage<T> answer(String method, Object argument, T value) {
        calls.add(new Call(method, argument));
        Throwable failure = failures.get(method);
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        if (hanging.containsKey(method)) {
            return new CompletableFuture<>();
        }
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public String nodeId() {
        return NODE;
    }

    @Override
    public CompletionStage<List<NodeInfo>> nodes() {
        return answer("nodes", null, NODES);
    }

    @Override
    public CompletionStage<RtpCapabilities> routerRtpCapabilities(String room) {
        return answer("routerRtpCapabilities", room, ROUTER_CAPS);
    }

    @Override
    public CompletionStage<TransportCreated> createTransport(Requests.CreateTransport request) {
        TransportCreated t = TRANSPORT;
        if (freshIds) {
            t = new TransportCreated("t-" + nextId.incrementAndGet(), t.node(), t.room(), t.direction(),
                    t.iceParameters(), t.iceCandidates(), t.dtlsParameters());
        }
        return answer("createTransport", request, t);
    }

    @Override
    public CompletionStage<Void> connectTransport(Requests.ConnectTransport request) {
        return answer("connectTransport", request, null);
    }

    @Override
    public CompletionStage<ProducerCreated> produce(Requests.Produce request) {
        return answer("produce", request, freshIds ? new ProducerCreated("p-" + nextId.incrementAndGet(), NODE) : PRODUCER);
    }

    @Override
    public CompletionStage<ConsumerCreated> consume(Requests.Consume request) {
        return answer("consume", request, CONSUMER);
    }

    @Override
    public CompletionStage<Void> resumeConsumer(String consumerId) {
        return answer("resumeConsumer", consumerId, null);
    }

    @Override
    public CompletionStage<Void> pauseConsumer(String consumerId) {
        return answer("pauseConsumer", consumerId, null);
    }

    @Override
    public CompletionStage<Void> closeConsumer(String consumerId) {
        return answer("closeConsumer", consumerId, null);
    }

    @Override
    public CompletionStage<Void> pauseProducer(String producerId) {
        return answer("pauseProducer", producerId, null);
    }

    @Override
    public CompletionStage<Void> resumeProducer(String producerId) {
        return answer("resumeProducer", producerId, null);
    }

    @Override
    public CompletionStage<Void> closeProducer(String producerId) {
        return answer("closeProducer", producerId, null);
    }

    @Override
    public CompletionStage<Void> closeTransport(String transportId) {
        return answer("closeTransport", transportId, null);
    }

    @Override
    public CompletionStage<String> roomOf(String id) {
        String room = roomsById.get(id);
        if (room == null) {
            calls.add(new Call("roomOf", id));
            return CompletableFuture.failedFuture(ApiException.notFound("unknown id '" + id + "'"));
        }
        return answer("roomOf", id, room);
    }

    @Override
    public CompletionStage<List<StreamInfo>> streams(String room) {
        return answer("streams", room, STREAMS);
    }

    @Override
    public CompletionStage<Map<String, Object>> stats() {
        return answer("stats", null, Map.of("node", NODE, "transports", 1));
    }

    @Override
    public CompletionStage<List<ConnectionInfo>> connections() {
        return answer("connections", null, CONNECTIONS);
    }

    static final List<RoomInfo> ROOMS = List.of(new RoomInfo("r1", 2, 1, 1, List.of(NODE), false),
            new RoomInfo("r2", 1, 0, 0, List.of(NODE), true));

    @Override
    public CompletionStage<List<RoomInfo>> rooms() {
        return answer("rooms", null, ROOMS);
    }

    @Override
    public CompletionStage<RoomCreated> createRoom(String room) {
        boolean known = ROOMS.stream().anyMatch(r -> r.room().equals(room));
        return answer("createRoom", room, new RoomCreated(room, NODE, !known));
    }

    /** Closes r1 or r2 (they stay listed); any other room is unknown (404). */
    @Override
    public CompletionStage<RoomClosed> closeRoom(String room) {
        if (ROOMS.stream().noneMatch(r -> r.room().equals(room))) {
            calls.add(new Call("closeRoom", room));
            return CompletableFuture.failedFuture(ApiException.notFound("unknown room '" + room + "'"));
        }
        return answer("closeRoom", room, new RoomClosed(room, 2, 1, 1, List.of(NODE)));
    }

    /** The quotas' listeners, kept apart from the WebSocket subscriptions; tests push closings to them. */
    public final List<Consumer<SignalingEvent>> closingListeners = new CopyOnWriteArrayList<>();

    @Override
    public AutoCloseable subscribeToClosings(Consumer<SignalingEvent> listener) {
        closingListeners.add(listener);
        return () -> closingListeners.remove(listener);
    }

    /** Tells every quota listener an event (transportClosed, nodeDown, ...). */
    public void pushClosing(SignalingEvent event) {
        closingListeners.forEach(listener -> listener.accept(event));
    }

    @Override
    public AutoCloseable subscribe(String room, Consumer<SignalingEvent> listener) {
        calls.add(new Call("subscribe", room));
        Subscription subscription = new Subscription(room, listener);
        subscriptions.add(subscription);
        return subscription;
    }
}
