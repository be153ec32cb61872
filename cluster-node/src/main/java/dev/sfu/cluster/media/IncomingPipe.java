package dev.sfu.cluster.media;

import java.util.ArrayList;
import java.util.List;

/**
 * A producer of another member that this member pipes in, as its {@link MediaNode} sees it: where the pipe stands
 * and the consume requests waiting for it. Consume requests that arrive while the pipe is not ready wait here, so
 * any number of them share one pipe. Confined to the MediaNode.
 */
final class IncomingPipe {

    enum State {
        /** Asked the producer's entity; waiting for the offer. */
        REQUESTED,
        /** Creating the pipe producer from the offer on the media thread. */
        OPENING,
        /** The pipe producer exists: consume it like a local one. */
        READY,
        /** Closing it because nothing consumed it for the grace period. */
        RELEASING
    }

    private final String producerId;
    private final String home;
    private final String room;
    private final List<MediaNode.Consume> waiting = new ArrayList<>();
    private State state = State.REQUESTED;
    private long attempt;

    IncomingPipe(String producerId, String home, String room) {
        this.producerId = producerId;
        this.home = home;
        this.room = room;
    }

    String producerId() {
        return producerId;
    }

    String home() {
        return home;
    }

    String room() {
        return room;
    }

    State state() {
        return state;
    }

    /** Identifies the current request, so that the timeout of an earlier one is told apart. */
    long attempt() {
        return attempt;
    }

    void requested() {
        state = State.REQUESTED;
        attempt++;
    }

    void moveTo(State next) {
        state = next;
    }

    void await(MediaNode.Consume request) {
        waiting.add(request);
    }

    /** The waiting requests, handed over (the list is emptied). */
    List<MediaNode.Consume> takeWaiting() {
        List<MediaNode.Consume> taken = List.copyOf(waiting);
        waiting.clear();
        return taken;
    }

    /** Answers every waiting request with {@code refusal}. */
    void refuseAll(Refusal refusal) {
        takeWaiting().forEach(request -> request.replyTo().tell(new MediaNode.ConsumerReply(null, refusal)));
    }
}
