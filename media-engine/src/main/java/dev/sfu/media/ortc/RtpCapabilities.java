package dev.sfu.media.ortc;

import java.util.List;

/** mediasoup's RtpCapabilities: what a router offers, or what a device can receive. */
public record RtpCapabilities(List<RtpCodecCapability> codecs, List<RtpHeaderExtensionCapability> headerExtensions) {
}
