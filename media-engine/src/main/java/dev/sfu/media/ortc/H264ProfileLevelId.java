package dev.sfu.media.ortc;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The H.264 "profile-level-id" fmtp value (RFC 6184 §8.1): three bytes in hex, profile_idc, profile-iop (the
 * constraint_set flags) and level_idc. Two H.264 streams can only be exchanged if their profiles are the same;
 * the same profile_idc can mean different profiles depending on the constraint flags (42e01f and 4d401f are both
 * Constrained Baseline), so matching compares the derived profile, not the raw bytes.
 */
public record H264ProfileLevelId(Profile profile, int levelIdc, boolean level1b) {

    /** What a missing profile-level-id means (RFC 6184: Constrained Baseline, level 3.1). */
    public static final String DEFAULT = "42e01f";

    public enum Profile { CONSTRAINED_BASELINE, BASELINE, MAIN, CONSTRAINED_HIGH, HIGH, PREDICTIVE_HIGH_444 }

    private static final int CONSTRAINT_SET3 = 0x10;
    private static final List<Integer> LEVELS = List.of(9, 10, 11, 12, 13, 20, 21, 22, 30, 31, 32, 40, 41, 42, 50, 51, 52);

    /**
     * profile_idc plus a mask/value over profile-iop: the bits in {@code mask} must equal {@code value}, the other
     * bits are free. The low four bits of profile-iop are reserved and must be zero unless stated.
     */
    private record Rule(int profileIdc, int mask, int value, Profile profile) {
        boolean matches(int idc, int iop) {
            return idc == profileIdc && (iop & mask) == value;
        }
    }

    private static final List<Rule> RULES = List.of(
            // Baseline with constraint_set1 (bit 6) is Constrained Baseline.
            new Rule(0x42, 0b0100_1111, 0b0100_0000, Profile.CONSTRAINED_BASELINE),
            new Rule(0x42, 0b0100_1111, 0b0000_0000, Profile.BASELINE),
            // Main with constraint_set0 (bit 7) also satisfies Constrained Baseline.
            new Rule(0x4D, 0b1000_1111, 0b1000_0000, Profile.CONSTRAINED_BASELINE),
            new Rule(0x4D, 0b1010_1111, 0b0000_0000, Profile.MAIN),
            // Extended with constraint_set0 and set1 is Constrained Baseline; with set0 only, Baseline.
            new Rule(0x58, 0b1100_1111, 0b1100_0000, Profile.CONSTRAINED_BASELINE),
            new Rule(0x58, 0b1100_1111, 0b1000_0000, Profile.BASELINE),
            new Rule(0x64, 0b1111_1111, 0b0000_0000, Profile.HIGH),
            new Rule(0x64, 0b1111_1111, 0b0000_1100, Profile.CONSTRAINED_HIGH),
            new Rule(0xF4, 0b1111_1111, 0b0000_0000, Profile.PREDICTIVE_HIGH_444));

    /** Parses six hex digits; empty when malformed or naming no known profile/level. */
    public static Optional<H264ProfileLevelId> parse(String hex) {
        if (hex == null || hex.length() != 6) return Optional.empty();
        int value;
        try {
            value = Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        int idc = value >>> 16;
        int iop = (value >>> 8) & 0xFF;
        int level = value & 0xFF;
        if (!LEVELS.contains(level)) return Optional.empty();
        for (Rule rule : RULES) {
            if (rule.matches(idc, iop)) {
                boolean level1b = level == 11 && (iop & CONSTRAINT_SET3) != 0
                        && rule.profile() != Profile.HIGH && rule.profile() != Profile.CONSTRAINED_HIGH;
                return Optional.of(new H264ProfileLevelId(rule.profile(), level, level1b || level == 9));
            }
        }
        return Optional.empty();
    }

    /** The profile-level-id of a codec's parameters, defaulting to {@link #DEFAULT} when absent. */
    public static Optional<H264ProfileLevelId> of(Map<String, Object> parameters) {
        return parse(CodecParameters.text(parameters, "profile-level-id").orElse(DEFAULT));
    }

    /** True when both parameter sets carry a parseable profile-level-id naming the same profile. */
    public static boolean sameProfile(Map<String, Object> a, Map<String, Object> b) {
        Optional<H264ProfileLevelId> pa = of(a);
        Optional<H264ProfileLevelId> pb = of(b);
        return pa.isPresent() && pb.isPresent() && pa.get().profile() == pb.get().profile();
    }
}
