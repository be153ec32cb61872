package dev.sfu.cluster.media;

import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.srtp.SrtpProfile;

import java.time.Duration;

/** Pipe settings for a MediaNode in a test: SRTP on, a one-second release grace, the engine's own address. */
public final class TestPipes {
    private TestPipes() {
    }

    public static PipeSettings settings(MediaEngine engine) {
        return new PipeSettings(SrtpProfile.AES128_CM_HMAC_SHA1_80, Duration.ofSeconds(1), Duration.ofSeconds(10),
                "127.0.0.1:" + engine.localAddress().getPort());
    }
}
