package dev.sfu.bench;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.srtp.SrtpSession;
import java.util.List;

/**
 * The least a forwarder must do (issue 8's baseline): decrypt each packet once, then for every subscriber copy
 * it and encrypt the copy with that subscriber's keys. No routing tables, no header rewriting, no statistics,
 * no NACK cache: the SFU's cost over this is what its features cost.
 */
final class MinimalForwarder {
    private final SrtpSession publisher;
    private final SrtpSession[] subscribers;
    private final PacketSink sink;
    private final PacketBuffer scratch = new PacketBuffer();

    MinimalForwarder(SrtpSession publisher, List<SrtpSession> subscribers, PacketSink sink) {
        this.publisher = publisher;
        this.subscribers = subscribers.toArray(new SrtpSession[0]);
        this.sink = sink;
    }

    /** Forwards one SRTP packet (decrypted in place) to every subscriber; false when it did not decrypt. */
    boolean forward(PacketBuffer srtp) {
        if (!publisher.unprotectRtp(srtp)) {
            return false;
        }
        for (SrtpSession subscriber : subscribers) {
            scratch.copyFrom(srtp);
            if (subscriber.protectRtp(scratch)) {
                sink.accept(scratch);
            } else {
                sink.fail();
            }
        }
        return true;
    }
}
