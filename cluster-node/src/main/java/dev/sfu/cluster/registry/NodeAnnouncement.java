package dev.sfu.cluster.registry;

import dev.sfu.cluster.CborSerializable;
import dev.sfu.signaling.api.NodeLoad;

/**
 * What one member publishes about itself into the replicated node registry. {@code memberKey} identifies the
 * member incarnation ({@link MemberKeys}), so an announcement is never matched to a restarted member's successor.
 * {@code draining}: the member takes no new transports.
 */
public record NodeAnnouncement(String nodeId, String memberKey, String httpUrl, String managementUrl,
                               String mediaAddress, NodeLoad load, long updatedAtMillis, boolean draining)
        implements CborSerializable {

    public NodeAnnouncement(String nodeId, String memberKey, String httpUrl, String managementUrl,
                            String mediaAddress, NodeLoad load, long updatedAtMillis) {
        this(nodeId, memberKey, httpUrl, managementUrl, mediaAddress, load, updatedAtMillis, false);
    }
}
