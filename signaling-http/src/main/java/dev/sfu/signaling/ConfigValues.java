package dev.sfu.signaling;

import com.typesafe.config.Config;

/** Reads optional settings: an absent key is "not set", so every {@code sfu.*} security key may be left out. */
public final class ConfigValues {
    private ConfigValues() {
    }

    /** The string at {@code path}, or null when absent or blank. */
    public static String string(Config config, String path) {
        if (!config.hasPath(path)) {
            return null;
        }
        String value = config.getString(path);
        return value.isBlank() ? null : value;
    }

    public static boolean bool(Config config, String path, boolean fallback) {
        return config.hasPath(path) ? config.getBoolean(path) : fallback;
    }

    public static int integer(Config config, String path, int fallback) {
        return config.hasPath(path) ? config.getInt(path) : fallback;
    }

    public static double number(Config config, String path, double fallback) {
        return config.hasPath(path) ? config.getDouble(path) : fallback;
    }
}
