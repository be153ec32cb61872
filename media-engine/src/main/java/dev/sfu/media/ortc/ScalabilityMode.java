package dev.sfu.media.ortc;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W3C WebRTC-SVC scalability mode such as "L1T3" (1 spatial, 3 temporal layers), "L3T3_KEY" or "S3T3"
 * (simulcast-style spatial layers). A missing mode means one spatial and one temporal layer.
 */
public record ScalabilityMode(int spatialLayers, int temporalLayers, boolean ksvc) {

    private static final Pattern FORMAT = Pattern.compile("^[LS]([1-9][0-9]?)T([1-9][0-9]?)(_KEY)?.*");
    public static final ScalabilityMode SINGLE_LAYER = new ScalabilityMode(1, 1, false);

    /** Parses a mode; empty when the text is not a scalability mode. */
    public static Optional<ScalabilityMode> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new ScalabilityMode(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) != null));
    }

    /** Parses a mode, reading null or unparseable text as a single layer. */
    public static ScalabilityMode parseOrSingleLayer(String text) {
        return parse(text).orElse(SINGLE_LAYER);
    }
}
