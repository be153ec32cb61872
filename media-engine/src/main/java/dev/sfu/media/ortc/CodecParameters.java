package dev.sfu.media.ortc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads codec parameters ("fmtp" values). They arrive from JSON as numbers or strings ("packetization-mode": 1
 * or "1"), so numeric reads accept both.
 */
final class CodecParameters {

    private CodecParameters() {
    }

    /** An integer parameter; empty when absent or not an integer. */
    static Optional<Integer> integer(Map<String, Object> parameters, String name) {
        Object value = parameters == null ? null : parameters.get(name);
        if (value instanceof Integer i) return Optional.of(i);
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return Optional.of(l.intValue());
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Optional.of(n.intValue());
        }
        if (value instanceof String s) {
            try {
                return Optional.of(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static int integerOr(Map<String, Object> parameters, String name, int fallback) {
        return integer(parameters, name).orElse(fallback);
    }

    /** A parameter as text (numbers are printed), empty when absent. */
    static Optional<String> text(Map<String, Object> parameters, String name) {
        Object value = parameters == null ? null : parameters.get(name);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    /** An unmodifiable copy keeping the given order (so JSON output is the same on every cluster member). */
    static Map<String, Object> copy(Map<String, Object> parameters) {
        if (parameters == null || parameters.isEmpty()) return Map.of();
        return Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Builds an ordered parameter map from name/value pairs. */
    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
