package dev.sfu.media.rtp;

/** NTP timestamps (RFC 3550 section 4): seconds since 1900 in the high 32 bits, fraction in the low 32. */
public final class NtpTime {
    private static final long UNIX_TO_NTP_SECONDS = 2_208_988_800L;

    private NtpTime() {
    }

    public static long fromUnixMillis(long millis) {
        long seconds = Math.floorDiv(millis, 1000) + UNIX_TO_NTP_SECONDS;
        long fraction = (Math.floorMod(millis, 1000L) << 32) / 1000;
        return (seconds << 32) | fraction;
    }

    public static long toUnixMillis(long ntp) {
        long seconds = (ntp >>> 32) - UNIX_TO_NTP_SECONDS;
        long fraction = ntp & 0xFFFFFFFFL;
        return seconds * 1000 + ((fraction * 1000) >>> 32);
    }

    /** The middle 32 bits, as used by LSR and for RTT (units of 1/65536 s). */
    public static long middle32(long ntp) {
        return (ntp >>> 16) & 0xFFFFFFFFL;
    }

    /** Adds a duration in milliseconds to an NTP timestamp. */
    public static long plusMillis(long ntp, long millis) {
        return ntp + (millis << 32) / 1000;
    }
}
