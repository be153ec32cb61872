package dev.sfu.cluster.placement;

import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.Requests;
import dev.sfu.signaling.api.Responses;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/** Sets any member draining, or back, by asking its {@link DrainControl} (found through the Receptionist). */
public final class DrainSwitch {
    private final ActorSystem<?> system;
    private final String selfNodeId;
    private final Duration askTimeout;

    public DrainSwitch(ActorSystem<?> system, String selfNodeId, Duration askTimeout) {
        this.system = system;
        this.selfNodeId = selfNodeId;
        this.askTimeout = askTimeout;
    }

    public CompletionStage<Responses.DrainState> set(Requests.Drain request) {
        String node = request.node() == null || request.node().isBlank() ? selfNodeId : request.node();
        CompletionStage<Receptionist.Listing> found = AskPattern.ask(system.receptionist(),
                replyTo -> Receptionist.find(DrainControl.serviceKey(node), replyTo), askTimeout, system.scheduler());
        return found.thenCompose(listing -> {
            var controls = listing.getServiceInstances(DrainControl.serviceKey(node));
            if (controls.isEmpty()) throw ApiException.notFound("unknown node '" + node + "'");
            ActorRef<DrainControl.Command> control = controls.iterator().next();
            // The control waits up to one ask timeout for the announcement to spread; allow for that.
            return AskPattern.<DrainControl.Command, DrainControl.Drained>ask(control,
                    replyTo -> new DrainControl.SetDraining(request.draining(), replyTo),
                    askTimeout.multipliedBy(2).plusSeconds(1), system.scheduler());
        }).handle((drained, failure) -> {
            if (failure == null) return new Responses.DrainState(drained.node(), drained.draining());
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof ApiException api) throw api;
            if (cause instanceof TimeoutException) {
                throw ApiException.unavailable("member '" + node + "' did not answer the drain request in time");
            }
            throw new CompletionException(cause);
        });
    }
}
