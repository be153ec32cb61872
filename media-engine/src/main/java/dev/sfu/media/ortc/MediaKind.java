package dev.sfu.media.ortc;

import java.util.Locale;

/** "audio" or "video", as mediasoup spells them. */
public enum MediaKind {
    AUDIO, VIDEO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "audio" / "video"; throws {@link IllegalArgumentException} naming the bad value. */
    public static MediaKind fromWire(String value) {
        if ("audio".equals(value)) return AUDIO;
        if ("video".equals(value)) return VIDEO;
        throw new IllegalArgumentException("invalid kind '" + value + "' (expected \"audio\" or \"video\")");
    }
}
