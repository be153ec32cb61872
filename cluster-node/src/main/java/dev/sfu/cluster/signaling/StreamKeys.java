package dev.sfu.cluster.signaling;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The stream key of a produce request: {@code appData.streamKey}, the publisher's name for "the same stream" across
 * the producers it creates (it publishes again elsewhere when its member dies). Anything but a short plain string
 * is ignored rather than refused: appData is the client's own business.
 */
public final class StreamKeys {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private StreamKeys() {
    }

    /** The key, or null when {@code appData} has none or an unusable one. */
    public static String of(Map<String, Object> appData) {
        if (appData == null) return null;
        Object key = appData.get("streamKey");
        return key instanceof String text && VALID.matcher(text).matches() ? text : null;
    }
}
