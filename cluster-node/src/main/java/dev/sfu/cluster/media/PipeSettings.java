package dev.sfu.cluster.media;

import com.typesafe.config.Config;
import dev.sfu.media.srtp.SrtpProfile;

import java.time.Duration;

/**
 * How this member pipes streams to and from other members ({@code sfu.pipe.*}).
 *
 * @param srtpProfile  the SRTP profile of the pipes this member creates, or null for plain RTP
 * @param releaseGrace how long a piped-in stream without consumers stays before it is released
 * @param askTimeout   how long to wait for a pipe offer
 * @param mediaAddress "ip:port" other members send this member's pipes to
 */
public record PipeSettings(SrtpProfile srtpProfile, Duration releaseGrace, Duration askTimeout, String mediaAddress) {

    public static PipeSettings from(Config config, String mediaAddress) {
        boolean srtp = config.getBoolean("sfu.pipe.srtp");
        return new PipeSettings(srtp ? SrtpProfile.AES128_CM_HMAC_SHA1_80 : null,
                config.getDuration("sfu.pipe.release-grace"), config.getDuration("sfu.ask-timeout"), mediaAddress);
    }
}
