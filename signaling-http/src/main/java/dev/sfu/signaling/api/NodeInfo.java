package dev.sfu.signaling.api;

/**
 * One cluster member as {@code GET /api/sfu-nodes} lists it. {@code status} is the Pekko member status
 * ("Up", "Leaving", "Exiting", "Unreachable", ...).
 */
public record NodeInfo(String id, String status, String httpUrl, String managementUrl, String mediaAddress,
                       NodeLoad load, long updatedAtMillis) {
}
