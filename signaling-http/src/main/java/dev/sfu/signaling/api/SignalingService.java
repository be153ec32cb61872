package dev.sfu.signaling.api;

import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.signaling.api.Responses.ConnectionInfo;
import dev.sfu.signaling.api.Responses.ConsumerCreated;
import dev.sfu.signaling.api.Responses.ProducerCreated;
import dev.sfu.signaling.api.Responses.StreamInfo;
import dev.sfu.signaling.api.Responses.TransportCreated;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Everything the HTTP API needs from the cluster. The routes know only this interface; cluster-node implements
 * it with actors. Requests reach it already parsed and checked for required fields; every method may complete
 * exceptionally with an {@link ApiException} (answered with its status) or any other exception (answered 500).
 */
public interface SignalingService {

    /** The id of the member serving this API. */
    String nodeId();

    /** All cluster members with status and load, as seen by this member. */
    CompletionStage<List<NodeInfo>> nodes();

    CompletionStage<RtpCapabilities> routerRtpCapabilities(String room);

    CompletionStage<TransportCreated> createTransport(Requests.CreateTransport request);

    CompletionStage<Void> connectTransport(Requests.ConnectTransport request);

    CompletionStage<ProducerCreated> produce(Requests.Produce request);

    CompletionStage<ConsumerCreated> consume(Requests.Consume request);

    CompletionStage<Void> resumeConsumer(String consumerId);

    CompletionStage<Void> pauseConsumer(String consumerId);

    CompletionStage<Void> closeConsumer(String consumerId);

    CompletionStage<Void> pauseProducer(String producerId);

    CompletionStage<Void> resumeProducer(String producerId);

    CompletionStage<Void> closeProducer(String producerId);

    CompletionStage<Void> closeTransport(String transportId);

    /**
     * The room of a transport, producer or consumer id, wherever it lives in the cluster; fails with
     * {@link ApiException#notFound} for an unknown id. The HTTP layer asks it before a request that names only
     * ids, to check that the caller's access token covers that room (only when access tokens are required).
     */
    CompletionStage<String> roomOf(String id);

    /** The room's producers across the cluster (room null: every room). */
    CompletionStage<List<StreamInfo>> streams(String room);

    /** This member's counters and per-transport/producer/consumer stats, as a JSON-ready tree. */
    CompletionStage<Map<String, Object>> stats();

    /** Transports across the cluster. */
    CompletionStage<List<ConnectionInfo>> connections();

    /**
     * Sets a member draining (it takes no new transports) or back to normal; {@code request.node()} null means
     * this member. Answers the member's flag once set.
     */
    default CompletionStage<Responses.DrainState> setDraining(Requests.Drain request) {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new ApiException(501, "draining is not supported by this member"));
    }

    /** This member's view of the cluster membership. */
    default CompletionStage<Responses.ClusterMembers> clusterMembers() {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new ApiException(501, "the cluster membership is not available on this member"));
    }

    /** Every room of the cluster with its counts (room management, admin only). */
    default CompletionStage<List<Responses.RoomInfo>> rooms() {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new ApiException(501, "room management is not supported by this member"));
    }

    /**
     * Creates a room explicitly: it is listed, and kept, while empty. Rooms still come into being implicitly on
     * first use; creating one that exists answers it with {@code created} false.
     */
    default CompletionStage<Responses.RoomCreated> createRoom(String room) {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new ApiException(501, "room management is not supported by this member"));
    }

    /**
     * Closes every transport, producer and consumer of the room on every member, then publishes a
     * {@code roomClosed} event to the room; fails with 404 when no member has the room.
     */
    default CompletionStage<Responses.RoomClosed> closeRoom(String room) {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new ApiException(501, "room management is not supported by this member"));
    }

    /**
     * Subscribes to the events that tell objects closed or members gone (transportClosed, producerClosed,
     * consumerClosed, nodeDown), for the per-client quotas; by default every event of every room.
     */
    default AutoCloseable subscribeToClosings(Consumer<SignalingEvent> listener) {
        return subscribe(null, listener);
    }

    /** Subscribes to events (room null: every room); close the returned handle to stop. */
    AutoCloseable subscribe(String room, Consumer<SignalingEvent> listener);
}
