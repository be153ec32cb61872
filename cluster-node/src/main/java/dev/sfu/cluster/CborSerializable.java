package dev.sfu.cluster;

/**
 * Marks a message or replicated value that crosses the network between members. application.conf binds it to
 * Pekko's {@code jackson-cbor} serializer.
 */
public interface CborSerializable {
}
