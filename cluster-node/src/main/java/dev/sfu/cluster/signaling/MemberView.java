package dev.sfu.cluster.signaling;

import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.SignalingEvent;
import dev.sfu.signaling.api.SignalingService;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** The cluster membership as the node registry sees it: the member list, and nodeUp/nodeDown events. */
public interface MemberView {

    CompletionStage<List<NodeInfo>> nodes();

    /** Pushes nodeUp/nodeDown events to {@code listener}; close the handle to stop. */
    AutoCloseable subscribe(Consumer<SignalingEvent> listener);

    /** The member part of a service that answers only for members (the node registry's placeholder service). */
    static MemberView of(SignalingService memberService) {
        return new MemberView() {
            @Override
            public CompletionStage<List<NodeInfo>> nodes() {
                return memberService.nodes();
            }

            @Override
            public AutoCloseable subscribe(Consumer<SignalingEvent> listener) {
                return memberService.subscribe(null, listener);
            }
        };
    }
}
