package dev.sfu.media.engine;

import java.util.ArrayList;
import java.util.List;

/** Producer and consumer listeners that write down what they hear. */
final class RecordingListeners implements Producer.Listener, Consumer.Listener {
    final List<String> events = new ArrayList<>();

    @Override public void onProducerClosed(Producer p) { events.add("producer closed " + p.id()); }
    @Override public void onConsumerClosed(Consumer c, String reason) { events.add("consumer closed " + c.id() + ": " + reason); }
    @Override public void onProducerPaused(Consumer c) { events.add("producer paused " + c.id()); }
    @Override public void onProducerResumed(Consumer c) { events.add("producer resumed " + c.id()); }
}
