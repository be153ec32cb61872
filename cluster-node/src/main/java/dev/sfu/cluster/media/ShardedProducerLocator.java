package dev.sfu.cluster.media;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Locates producers by asking their {@link ProducerEntity}. */
public final class ShardedProducerLocator implements ProducerLocator {
    private final ClusterSharding sharding;
    private final Duration askTimeout;

    public ShardedProducerLocator(ActorSystem<?> system, Duration askTimeout) {
        this.sharding = ClusterSharding.get(system);
        this.askTimeout = askTimeout;
    }

    @Override
    public CompletionStage<Optional<ProducerRecord>> locate(String producerId) {
        return sharding.entityRefFor(ProducerEntity.TYPE_KEY, producerId)
                .<ProducerEntity.Lookup>ask(ProducerEntity.Get::new, askTimeout)
                .thenApply(lookup -> Optional.ofNullable(lookup.producer()));
    }
}
