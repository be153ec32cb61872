package dev.sfu.cluster.placement;

import dev.sfu.cluster.media.ProducerLocator;
import dev.sfu.cluster.media.ProducerRecord;
import dev.sfu.cluster.signaling.MemberView;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which member a new transport goes to, from the node list (status, draining flag and load of every member,
 * as the registry last heard them) and, for a subscriber, where its stream already is (its ProducerEntity,
 * asked through the locator). The rules themselves are {@link CandidateSelector}'s.
 */
public final class TransportPlacement {
    private static final Logger LOG = LoggerFactory.getLogger(TransportPlacement.class);

    private final MemberView members;
    private final ProducerLocator locator;
    private final PlacementSettings settings;
    private final AtomicLong turns = new AtomicLong();

    public TransportPlacement(MemberView members, ProducerLocator locator, PlacementSettings settings) {
        this.members = members;
        this.locator = locator;
        this.settings = settings;
    }

    /** The member to create the transport on; fails with a 503 {@link ApiException} when it cannot go anywhere. */
    public CompletionStage<String> memberFor(Requests.CreateTransport request) {
        String asked = request.node();
        if (asked != null && !asked.isBlank()) {
            return members.nodes().thenApply(nodes -> checkedExplicit(nodes, asked));
        }
        CompletionStage<List<String>> streamMembers = "recv".equals(request.direction()) && request.producerId() != null
                ? streamMembers(request.producerId())
                : CompletableFuture.completedFuture(List.of());
        return members.nodes().thenCombine(streamMembers, (nodes, withStream) -> {
            long turn = turns.getAndIncrement();
            return withStream.isEmpty()
                    ? CandidateSelector.forPublisher(nodes, settings, turn)
                    : CandidateSelector.forSubscriber(nodes, withStream, settings, turn);
        });
    }

    /** An explicitly named member must be able to take the transport; an unlisted one is left to the caller. */
    private String checkedExplicit(List<NodeInfo> nodes, String asked) {
        Optional<NodeInfo> node = nodes.stream().filter(n -> n.id().equals(asked)).findFirst();
        node.flatMap(n -> CandidateSelector.exclusion(n, settings.limits())).ifPresent(reason -> {
            throw ApiException.unavailable("member '" + asked + "' takes no new transports: " + reason);
        });
        return asked;
    }

    /** The stream's home and the members it is piped to; none when the producer is unknown or does not answer. */
    private CompletionStage<List<String>> streamMembers(String producerId) {
        return locator.locate(producerId).handle((found, failure) -> {
            if (failure != null) {
                LOG.warn("cannot locate producer '{}' for placement; placing by load: {}", producerId, failure.toString());
                return List.of();
            }
            return found.map(TransportPlacement::membersWith).orElse(List.of());
        });
    }

    private static List<String> membersWith(ProducerRecord producer) {
        List<String> with = new ArrayList<>();
        with.add(producer.node());
        with.addAll(producer.pipedTo());
        return with;
    }
}
