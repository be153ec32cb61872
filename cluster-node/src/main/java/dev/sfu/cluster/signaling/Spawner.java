package dev.sfu.cluster.signaling;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;

/** Spawns a named actor: {@code ActorContext::spawn} in the guardian, {@code ActorTestKit::spawn} in tests. */
@FunctionalInterface
public interface Spawner {
    <T> ActorRef<T> spawn(Behavior<T> behavior, String name);
}
