package dev.sfu.cluster.signaling;

import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.SignalingEvent;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** The cluster membership as the node registry sees it: the member list, and nodeUp/nodeDown events. */
public interface MemberView {

    CompletionStage<List<NodeInfo>> nodes();

    /** Pushes nodeUp/nodeDown events to {@code listener}; close the handle to stop. */
    AutoCloseable subscribe(Consumer<SignalingEvent> listener);
}
