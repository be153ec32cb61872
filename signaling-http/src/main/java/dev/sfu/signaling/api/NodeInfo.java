package dev.sfu.signaling.api;

/**
 * One cluster member as {@code GET /api/sfu-nodes} lists it. {@code status} is the Pekko member status
 * ("Up", "Leaving", "Exiting", "Unreachable", ...); {@code draining} is true while the member takes no new
 * transports (set by {@code POST /api/drain}, or on SIGTERM before it leaves).
 */
public record NodeInfo(String id, String status, String httpUrl, String managementUrl, String mediaAddress,
                       NodeLoad load, long updatedAtMillis, boolean draining) {

    /** A member that is not draining. */
    public NodeInfo(String id, String status, String httpUrl, String managementUrl, String mediaAddress,
                    NodeLoad load, long updatedAtMillis) {
        this(id, status, httpUrl, managementUrl, mediaAddress, load, updatedAtMillis, false);
    }
}
