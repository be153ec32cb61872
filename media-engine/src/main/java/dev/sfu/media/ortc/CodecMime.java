package dev.sfu.media.ortc;

import java.util.Locale;
import java.util.Optional;

/** Reads what a mimeType such as "video/VP8" says: its kind, its codec name, whether it is RTX. */
final class CodecMime {
    static final String VIDEO_RTX = "video/rtx";

    private CodecMime() {
    }

    static boolean isRtx(String mimeType) {
        return mimeType != null && mimeType.toLowerCase(Locale.ROOT).endsWith("/rtx");
    }

    /** The kind named before the slash, or empty when the mimeType is not "audio/x" or "video/x". */
    static Optional<MediaKind> kindOf(String mimeType) {
        if (mimeType == null) return Optional.empty();
        int slash = mimeType.indexOf('/');
        if (slash <= 0 || slash == mimeType.length() - 1 || mimeType.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        return switch (mimeType.substring(0, slash).toLowerCase(Locale.ROOT)) {
            case "audio" -> Optional.of(MediaKind.AUDIO);
            case "video" -> Optional.of(MediaKind.VIDEO);
            default -> Optional.empty();
        };
    }

    static String lower(String mimeType) {
        return mimeType.toLowerCase(Locale.ROOT);
    }
}
