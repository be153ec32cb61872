package dev.sfu.media.ortc;

import java.util.Map;

/** A negotiated header extension: its URI and the id it has on this stream. */
public record RtpHeaderExtensionParameters(String uri, int id, boolean encrypt, Map<String, Object> parameters) {
}
