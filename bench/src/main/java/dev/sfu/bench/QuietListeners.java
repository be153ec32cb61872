package dev.sfu.bench;

import dev.sfu.media.engine.Consumer;
import dev.sfu.media.engine.Producer;

/** Listeners for the benchmarks' producers and consumers, which nobody closes or pauses. */
final class QuietListeners implements Producer.Listener, Consumer.Listener {
    static final QuietListeners INSTANCE = new QuietListeners();

    @Override public void onProducerClosed(Producer p) { }
    @Override public void onConsumerClosed(Consumer c, String reason) { }
    @Override public void onProducerPaused(Consumer c) { }
    @Override public void onProducerResumed(Consumer c) { }
}
