package dev.sfu.cluster.media;

import com.typesafe.config.ConfigFactory;
import dev.sfu.media.srtp.SrtpProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PipeSettingsTest {

    @Test
    void theShippedDefaultsPipeWithSrtpAndKeepUnusedCopiesThirtySeconds() {
        PipeSettings settings = PipeSettings.from(ConfigFactory.load(), "127.0.0.1:40001");
        assertEquals(SrtpProfile.AES128_CM_HMAC_SHA1_80, settings.srtpProfile());
        assertEquals(Duration.ofSeconds(30), settings.releaseGrace());
        assertEquals("127.0.0.1:40001", settings.mediaAddress());
    }

    @Test
    void srtpOffMeansPlainRtp() {
        PipeSettings settings = PipeSettings.from(ConfigFactory.parseString(
                "sfu.pipe.srtp = off\nsfu.pipe.release-grace = 1s").withFallback(ConfigFactory.load()), "h:1");
        assertNull(settings.srtpProfile());
        assertEquals(Duration.ofSeconds(1), settings.releaseGrace());
    }
}
