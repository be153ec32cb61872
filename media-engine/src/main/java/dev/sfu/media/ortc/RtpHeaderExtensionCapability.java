package dev.sfu.media.ortc;

/** A header extension a router or device supports; direction is "sendrecv", "sendonly", "recvonly" or "inactive". */
public record RtpHeaderExtensionCapability(
        String kind,
        String uri,
        int preferredId,
        boolean preferredEncrypt,
        String direction) {
}
