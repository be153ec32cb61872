package dev.sfu.cluster.media;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids of transports, producers and consumers: {@code <uuid>@<nodeId>}. The id names the member that owns the
 * object, so any member can route a request about it without asking anyone (race-free: the owner is fixed when
 * the id is made). Node ids may not contain '@', which keeps the split unambiguous.
 */
public final class MediaIds {
    private static final char SEPARATOR = '@';
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private MediaIds() {
    }

    /** Whether {@code nodeId} can be a member's id: letters, digits, '.', '_', '-', at most 63 characters. */
    public static boolean isValidNodeId(String nodeId) {
        return nodeId != null && NODE_ID.matcher(nodeId).matches();
    }

    /** Throws {@link IllegalArgumentException} naming the bad node id. */
    public static String requireValidNodeId(String nodeId) {
        if (!isValidNodeId(nodeId)) {
            throw new IllegalArgumentException("invalid node id '" + nodeId
                    + "' (letters, digits, '.', '_' and '-', starting with a letter or digit, at most 63)");
        }
        return nodeId;
    }

    /** A new id for an object owned by {@code nodeId}. */
    public static String newId(String nodeId) {
        return UUID.randomUUID() + String.valueOf(SEPARATOR) + requireValidNodeId(nodeId);
    }

    /** The member that owns the object {@code id} names, or empty when {@code id} is not one of ours. */
    public static Optional<String> homeNode(String id) {
        if (id == null) return Optional.empty();
        int at = id.lastIndexOf(SEPARATOR);
        if (at <= 0) return Optional.empty();
        String node = id.substring(at + 1);
        return isValidNodeId(node) ? Optional.of(node) : Optional.empty();
    }
}
