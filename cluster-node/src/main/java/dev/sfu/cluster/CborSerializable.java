package dev.sfu.cluster;

/**
 * Marker for every message that crosses the cluster; {@code application.conf} binds it to Pekko's
 * {@code jackson-cbor} serializer.
 */
public interface CborSerializable {
}
