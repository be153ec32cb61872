package dev.sfu.media.ortc;

import static dev.sfu.media.ortc.ChromiumFixtures.*;
import static dev.sfu.media.ortc.TestParameters.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * ORTC negotiation against real browser data: the router capabilities a Chromium mediasoup-client Device was
 * loaded with, the device capabilities it derived, and the rtpParameters its transport.produce() sent.
 */
class OrtcTest {

    private static final RtpCapabilities ROUTER = Ortc.generateRouterRtpCapabilities(RouterCodecs.defaultMediaCodecs());
    private static final RtcpFeedback NACK = new RtcpFeedback("nack", "");
    private static final RtcpFeedback PLI = new RtcpFeedback("nack", "pli");
    private static final RtcpFeedback FIR = new RtcpFeedback("ccm", "fir");
    private static final RtcpFeedback REMB = new RtcpFeedback("goog-remb", "");
    private static final RtcpFeedback TCC = new RtcpFeedback("transport-cc", "");

    private static RtpParameters consumable(MediaKind kind, RtpParameters producer) {
        RtpMapping mapping = Ortc.getProducerRtpParametersMapping(producer, ROUTER, sequentialSsrcs(5000));
        return Ortc.getConsumableRtpParameters(kind, producer, ROUTER, mapping);
    }

    private static RtpParameters consumer(RtpParameters consumable, RtpCapabilities device) {
        return Ortc.getConsumerRtpParameters(consumable, device, false, sequentialSsrcs(9000));
    }

    private static List<String> uris(RtpParameters p) {
        return p.headerExtensions().stream().map(RtpHeaderExtensionParameters::uri).toList();
    }

    @Nested
    class RouterCapabilities {

        @Test
        void areExactlyWhatTheBrowserWasLoadedWith() {
            assertEquals(routerCapabilities(), ROUTER,
                    "router capabilities changed: re-capture the fixtures as chromium/README.md describes");
        }

        @Test
        void areTheSameOnEveryCall() {
            assertEquals(ROUTER, Ortc.generateRouterRtpCapabilities(RouterCodecs.defaultMediaCodecs()));
        }

        @Test
        void giveEveryCodecItsOwnDynamicPayloadType() {
            Set<Integer> seen = new HashSet<>();
            for (RtpCodecCapability codec : ROUTER.codecs()) {
                assertTrue(codec.preferredPayloadType() >= 96 && codec.preferredPayloadType() <= 127, codec.toString());
                assertTrue(seen.add(codec.preferredPayloadType()), "duplicate " + codec);
            }
        }

        @Test
        void pairEachVideoCodecWithOneRtxCodec() {
            List<RtpCodecCapability> video = ROUTER.codecs().stream()
                    .filter(c -> c.kind().equals("video") && !c.mimeType().equals("video/rtx")).toList();
            assertEquals(5, video.size());
            for (RtpCodecCapability codec : video) {
                List<RtpCodecCapability> rtx = ROUTER.codecs().stream()
                        .filter(c -> c.mimeType().equals("video/rtx"))
                        .filter(c -> c.parameters().get("apt").equals(codec.preferredPayloadType())).toList();
                assertEquals(1, rtx.size(), codec.toString());
                assertEquals(List.of(), rtx.get(0).rtcpFeedback());
            }
            assertTrue(ROUTER.codecs().stream().noneMatch(c -> c.kind().equals("audio") && c.mimeType().endsWith("/rtx")));
        }

        @Test
        void keepAnExplicitPreferredPayloadTypeAndAllocateAroundIt() {
            RtpCodecCapability vp8 = new RtpCodecCapability("video", "video/VP8", 100, 90000, null, Map.of(), null);
            RtpCodecCapability opus = new RtpCodecCapability("audio", "audio/opus", null, 48000, 2, Map.of(), null);
            RtpCapabilities caps = Ortc.generateRouterRtpCapabilities(List.of(opus, vp8));
            assertEquals(List.of(101, 100, 102), caps.codecs().stream().map(RtpCodecCapability::preferredPayloadType).toList());
            assertEquals(RouterCodecs.defaultFeedback(MediaKind.VIDEO), caps.codecs().get(1).rtcpFeedback());
        }

        @Test
        void offerHeaderExtensionsPerKind() {
            Map<String, Set<String>> kindsByUri = new java.util.HashMap<>();
            for (RtpHeaderExtensionCapability ext : ROUTER.headerExtensions()) {
                kindsByUri.computeIfAbsent(ext.uri(), u -> new HashSet<>()).add(ext.kind());
            }
            assertEquals(Set.of("audio", "video"), kindsByUri.get(HeaderExtensionUris.MID));
            assertEquals(Set.of("video"), kindsByUri.get(HeaderExtensionUris.RTP_STREAM_ID));
            assertEquals(Set.of("video"), kindsByUri.get(HeaderExtensionUris.REPAIRED_RTP_STREAM_ID));
            assertEquals(Set.of("audio"), kindsByUri.get(HeaderExtensionUris.SSRC_AUDIO_LEVEL));
            assertEquals(Set.of("video"), kindsByUri.get(HeaderExtensionUris.VIDEO_ORIENTATION));
            assertEquals(Set.of("audio", "video"), kindsByUri.get(HeaderExtensionUris.ABS_SEND_TIME));
            assertEquals(Set.of("audio", "video"), kindsByUri.get(HeaderExtensionUris.TRANSPORT_WIDE_CC));
        }

        @Test
        void useOneIdPerUriWithinTheOneByteRange() {
            Map<String, Integer> idByUri = new java.util.HashMap<>();
            Map<Integer, String> uriById = new java.util.HashMap<>();
            for (RtpHeaderExtensionCapability ext : ROUTER.headerExtensions()) {
                assertTrue(ext.preferredId() >= 1 && ext.preferredId() <= 14, ext.toString());
                assertEquals(ext.preferredId(), idByUri.computeIfAbsent(ext.uri(), u -> ext.preferredId()));
                assertEquals(ext.uri(), uriById.computeIfAbsent(ext.preferredId(), i -> ext.uri()));
            }
        }

        @Test
        void refuseRtxAndBadCodecsWithClearMessages() {
            RtpCodecCapability rtx = new RtpCodecCapability("video", "video/rtx", null, 90000, null, Map.of("apt", 100), null);
            assertTrue(assertThrows(OrtcException.class, () -> Ortc.generateRouterRtpCapabilities(List.of(rtx)))
                    .getMessage().contains("RTX codecs are added by the router"));
            RtpCodecCapability wrongKind = new RtpCodecCapability("audio", "video/VP8", null, 90000, null, Map.of(), null);
            assertTrue(assertThrows(OrtcException.class, () -> Ortc.generateRouterRtpCapabilities(List.of(wrongKind)))
                    .getMessage().contains("does not match kind audio"));
            RtpCodecCapability a = new RtpCodecCapability("video", "video/VP8", 101, 90000, null, Map.of(), null);
            RtpCodecCapability b = new RtpCodecCapability("video", "video/VP9", 101, 90000, null, Map.of(), null);
            assertTrue(assertThrows(OrtcException.class, () -> Ortc.generateRouterRtpCapabilities(List.of(a, b)))
                    .getMessage().contains("preferredPayloadType 101"));
            assertThrows(OrtcException.class, () -> Ortc.generateRouterRtpCapabilities(List.of()));
        }
    }

    @Nested
    class Validation {

        @Test
        void acceptsEverythingTheBrowserSent() {
            Ortc.validateRtpCapabilities(deviceCapabilities());
            Ortc.validateRtpCapabilities(ROUTER);
            for (RtpParameters p : List.of(audioOpus(), videoVp8(), videoVp9(), videoH264(), videoH264Main(),
                    videoVp8Simulcast())) {
                Ortc.validateRtpParameters(p);
            }
        }

        @Test
        void rejectsACodecWithoutMimeType() {
            RtpParameters bad = withCodecs(videoVp8(), List.of(
                    new RtpCodecParameters(null, 96, 90000, null, Map.of(), List.of())));
            assertEquals("rtpParameters.codecs[0].mimeType is missing",
                    assertThrows(OrtcException.class, () -> Ortc.validateRtpParameters(bad)).getMessage());
        }

        @Test
        void rejectsMalformedCapabilities() {
            RtpCapabilities bad = new RtpCapabilities(List.of(
                    new RtpCodecCapability("video", "video/rtx", 102, 90000, null, Map.of(), List.of())), List.of());
            assertEquals("rtpCapabilities.codecs[0]: RTX codec without a numeric 'apt' parameter",
                    assertThrows(OrtcException.class, () -> Ortc.validateRtpCapabilities(bad)).getMessage());
            assertEquals("rtpCapabilities.codecs is missing", assertThrows(OrtcException.class,
                    () -> Ortc.validateRtpCapabilities(new RtpCapabilities(null, List.of()))).getMessage());
        }
    }

    @Nested
    class ProducerMapping {

        @Test
        void mapsOpusToTheRouterPayloadType() {
            RtpParameters producer = audioOpus();
            RtpMapping mapping = Ortc.getProducerRtpParametersMapping(producer, ROUTER, sequentialSsrcs(5000));
            assertEquals(List.of(new RtpMapping.CodecMapping(111, 100)), mapping.codecs());
            assertEquals(List.of(new RtpMapping.EncodingMapping(producer.encodings().get(0).ssrc(), null, null, 5000)),
                    mapping.encodings());
        }

        @Test
        void mapsEachVideoCodecAndItsRtx() {
            assertEquals(List.of(new RtpMapping.CodecMapping(96, 101), new RtpMapping.CodecMapping(97, 102)),
                    Ortc.getProducerRtpParametersMapping(videoVp8(), ROUTER).codecs());
            assertEquals(List.of(new RtpMapping.CodecMapping(98, 103), new RtpMapping.CodecMapping(99, 104)),
                    Ortc.getProducerRtpParametersMapping(videoVp9(), ROUTER).codecs());
            assertEquals(List.of(new RtpMapping.CodecMapping(108, 107), new RtpMapping.CodecMapping(109, 108)),
                    Ortc.getProducerRtpParametersMapping(videoH264(), ROUTER).codecs());
        }

        @Test
        void mapsH264MainToTheRouterMainProfileCodec() {
            // The browser sent 4d001f (Main, level 3.1); the router offers 42e01f (Constrained Baseline) first.
            assertEquals(List.of(new RtpMapping.CodecMapping(116, 109), new RtpMapping.CodecMapping(117, 110)),
                    Ortc.getProducerRtpParametersMapping(videoH264Main(), ROUTER).codecs());
        }

        @Test
        void mapsVp9ProfileTwoToItsOwnRouterCodec() {
            RtpParameters profile2 = withFirstCodecParameters(videoVp9(), p -> { p.put("profile-id", 2); return p; });
            assertEquals(105, Ortc.getProducerRtpParametersMapping(profile2, ROUTER).codecs().get(0).mappedPayloadType());
        }

        @Test
        void mapsSimulcastEncodingsByRidToConsecutiveSsrcs() {
            RtpMapping mapping = Ortc.getProducerRtpParametersMapping(videoVp8Simulcast(), ROUTER, sequentialSsrcs(7000));
            assertEquals(List.of(
                    new RtpMapping.EncodingMapping(null, "r0", "L1T3", 7000),
                    new RtpMapping.EncodingMapping(null, "r1", "L1T3", 7001),
                    new RtpMapping.EncodingMapping(null, "r2", "L1T3", 7002)), mapping.encodings());
        }

        @Test
        void givesRandomMappedSsrcsWithoutAGenerator() {
            long a = Ortc.getProducerRtpParametersMapping(videoVp8(), ROUTER).encodings().get(0).mappedSsrc();
            assertTrue(a > 0 && a <= 0xFFFF_FFFFL);
        }

        @Test
        void namesTheCodecTheRouterDoesNotSupport() {
            RtpCapabilities opusAndVp8Only = Ortc.generateRouterRtpCapabilities(RouterCodecs.defaultMediaCodecs().subList(0, 2));
            OrtcException e = assertThrows(OrtcException.class,
                    () -> Ortc.getProducerRtpParametersMapping(videoH264(), opusAndVp8Only));
            assertEquals("unsupported codec [mimeType:video/H264, payloadType:108, packetization-mode:1, "
                    + "profile-level-id:42e01f]", e.getMessage());
        }

        @Test
        void refusesH264ProfilesAndModesTheRouterDoesNotOffer() {
            RtpParameters high = withFirstCodecParameters(videoH264(), p -> { p.put("profile-level-id", "640032"); return p; });
            assertTrue(assertThrows(OrtcException.class, () -> Ortc.getProducerRtpParametersMapping(high, ROUTER))
                    .getMessage().contains("profile-level-id:640032"));
            RtpParameters baseline = withFirstCodecParameters(videoH264(), p -> { p.put("profile-level-id", "42001f"); return p; });
            assertThrows(OrtcException.class, () -> Ortc.getProducerRtpParametersMapping(baseline, ROUTER));
            RtpParameters mode0 = withFirstCodecParameters(videoH264(), p -> { p.remove("packetization-mode"); return p; });
            assertThrows(OrtcException.class, () -> Ortc.getProducerRtpParametersMapping(mode0, ROUTER));
            // Same profile at another level is fine: level does not decide compatibility.
            RtpParameters level52 = withFirstCodecParameters(videoH264(), p -> { p.put("profile-level-id", "42e034"); return p; });
            assertEquals(107, Ortc.getProducerRtpParametersMapping(level52, ROUTER).codecs().get(0).mappedPayloadType());
        }

        @Test
        void refusesAProducerWithoutEncodings() {
            assertEquals("rtpParameters.encodings must list at least one encoding", assertThrows(OrtcException.class,
                    () -> Ortc.getProducerRtpParametersMapping(withEncodings(videoVp8(), List.of()), ROUTER)).getMessage());
        }
    }

    @Nested
    class ConsumableParameters {

        @Test
        void useRouterPayloadTypesWithTheProducersCodecParameters() {
            RtpParameters audio = consumable(MediaKind.AUDIO, audioOpus());
            RtpCodecParameters opus = audio.codecs().get(0);
            assertEquals(1, audio.codecs().size());
            assertEquals(100, opus.payloadType());
            assertEquals(Map.of("minptime", 10, "useinbandfec", 1), opus.parameters());
            assertEquals(List.of(NACK, TCC), opus.rtcpFeedback());
        }

        @Test
        void carryTheRouterRtxOfEachVideoCodec() {
            RtpParameters video = consumable(MediaKind.VIDEO, videoH264Main());
            assertEquals(List.of(109, 110), video.codecs().stream().map(RtpCodecParameters::payloadType).toList());
            assertEquals("4d001f", video.codecs().get(0).parameters().get("profile-level-id"));
            assertEquals(Map.of("apt", 109), video.codecs().get(1).parameters());
        }

        @Test
        void carryOnlyTheRouterExtensionsOfTheKindThatTheRouterSends() {
            assertEquals(List.of(HeaderExtensionUris.SSRC_AUDIO_LEVEL, HeaderExtensionUris.ABS_SEND_TIME,
                    HeaderExtensionUris.MID), uris(consumable(MediaKind.AUDIO, audioOpus())));
            assertEquals(List.of(HeaderExtensionUris.ABS_SEND_TIME, HeaderExtensionUris.TRANSPORT_WIDE_CC,
                    HeaderExtensionUris.MID, HeaderExtensionUris.VIDEO_ORIENTATION),
                    uris(consumable(MediaKind.VIDEO, videoVp8())));
        }

        @Test
        void renameEncodingsToMappedSsrcsAndDropRidAndRtx() {
            RtpParameters simulcast = consumable(MediaKind.VIDEO, videoVp8Simulcast());
            assertEquals(List.of(
                    new RtpEncodingParameters(5000L, null, null, null, false, "L1T3", 100000),
                    new RtpEncodingParameters(5001L, null, null, null, false, "L1T3", 300000),
                    new RtpEncodingParameters(5002L, null, null, null, false, "L1T3", 900000)), simulcast.encodings());
            RtpEncodingParameters vp8 = consumable(MediaKind.VIDEO, videoVp8()).encodings().get(0);
            assertEquals(5000L, vp8.ssrc());
            assertNull(vp8.rtx());
        }

        @Test
        void keepTheCnameAndMsid() {
            RtpParameters producer = videoVp8();
            assertNotNull(producer.msid(), "mediasoup-client 3.18 sends an msid");
            RtpParameters video = consumable(MediaKind.VIDEO, producer);
            assertEquals(new RtcpParameters(producer.rtcp().cname(), true, true), video.rtcp());
            assertEquals(producer.msid(), video.msid());
            assertNull(video.mid());
        }

        @Test
        void nameTheStreamByItsMsidWhenChromeSentNoCname() {
            // Chrome's rid-only simulcast carries rtcp.cname "".
            RtpParameters producer = videoVp8Simulcast();
            assertEquals("", producer.rtcp().cname());
            assertEquals(producer.msid().split(" ")[0], consumable(MediaKind.VIDEO, producer).rtcp().cname());
        }

        @Test
        void nameTheStreamByItsFirstMappedSsrcWhenThereIsNeitherCnameNorMsid() {
            RtpParameters p = videoVp8Simulcast();
            RtpParameters anonymous = new RtpParameters(p.mid(), p.codecs(), p.headerExtensions(), p.encodings(),
                    p.rtcp(), "- track");
            assertEquals("sfu-" + Long.toHexString(5000), consumable(MediaKind.VIDEO, anonymous).rtcp().cname());
        }

        @Test
        void refuseAKindThatDoesNotMatchTheCodecs() {
            assertEquals("codec video/VP8 cannot be produced as audio",
                    assertThrows(OrtcException.class, () -> consumable(MediaKind.AUDIO, videoVp8())).getMessage());
        }
    }

    @Nested
    class ConsumerParameters {

        @Test
        void keepCodecRtxAndExtensionsTheDeviceSupports() {
            RtpParameters consumer = consumer(consumable(MediaKind.VIDEO, videoVp8()), deviceCapabilities());
            assertEquals(List.of("video/VP8", "video/rtx"), consumer.codecs().stream().map(RtpCodecParameters::mimeType).toList());
            assertEquals(List.of(101, 102), consumer.codecs().stream().map(RtpCodecParameters::payloadType).toList());
            assertEquals(List.of(new RtpEncodingParameters(9000L, null, null, new RtxParameters(9001), null, null, null)),
                    consumer.encodings());
            assertEquals(List.of(HeaderExtensionUris.ABS_SEND_TIME, HeaderExtensionUris.TRANSPORT_WIDE_CC,
                    HeaderExtensionUris.MID, HeaderExtensionUris.VIDEO_ORIENTATION), uris(consumer));
        }

        @Test
        void useTransportCcRatherThanRembWhenTheExtensionIsThere() {
            RtpParameters consumer = consumer(consumable(MediaKind.VIDEO, videoVp9()), deviceCapabilities());
            assertEquals(List.of(NACK, PLI, FIR, TCC), consumer.codecs().get(0).rtcpFeedback());
        }

        @Test
        void fallBackToRembWhenTheDeviceLacksTransportCc() {
            RtpCapabilities device = deviceCapabilities();
            RtpCapabilities noTcc = new RtpCapabilities(device.codecs(), device.headerExtensions().stream()
                    .filter(e -> !e.uri().equals(HeaderExtensionUris.TRANSPORT_WIDE_CC)).toList());
            RtpParameters consumer = consumer(consumable(MediaKind.VIDEO, videoVp8()), noTcc);
            assertEquals(List.of(NACK, PLI, FIR, REMB), consumer.codecs().get(0).rtcpFeedback());
        }

        @Test
        void giveAudioTheSharedExtensionsTheDeviceListsUnderVideo() {
            // mediasoup-client lists mid and abs-send-time once (kind video) although it receives them on audio.
            RtpParameters consumer = consumer(consumable(MediaKind.AUDIO, audioOpus()), deviceCapabilities());
            assertEquals(List.of(HeaderExtensionUris.SSRC_AUDIO_LEVEL, HeaderExtensionUris.ABS_SEND_TIME,
                    HeaderExtensionUris.MID), uris(consumer));
            // No transport-cc extension is sent on audio, so transport-cc feedback is dropped too.
            assertEquals(List.of(NACK), consumer.codecs().get(0).rtcpFeedback());
            assertNull(consumer.encodings().get(0).rtx());
        }

        @Test
        void dropExtensionsTheDeviceKnowsUnderAnotherId() {
            RtpCapabilities device = deviceCapabilities();
            RtpCapabilities renumbered = new RtpCapabilities(device.codecs(), device.headerExtensions().stream()
                    .map(e -> e.uri().equals(HeaderExtensionUris.VIDEO_ORIENTATION)
                            ? new RtpHeaderExtensionCapability(e.kind(), e.uri(), 7, false, e.direction()) : e)
                    .toList());
            assertFalse(uris(consumer(consumable(MediaKind.VIDEO, videoVp8()), renumbered))
                    .contains(HeaderExtensionUris.VIDEO_ORIENTATION));
        }

        @Test
        void dropRtxWhenTheDeviceHasNoRtxForThatCodec() {
            RtpCapabilities noRtx = deviceWith(deviceCapabilities(), c -> !c.mimeType().equals("video/rtx"));
            RtpParameters consumer = consumer(consumable(MediaKind.VIDEO, videoVp8()), noRtx);
            assertEquals(List.of("video/VP8"), consumer.codecs().stream().map(RtpCodecParameters::mimeType).toList());
            assertNull(consumer.encodings().get(0).rtx());

            RtpCapabilities rtxOnlyForVp9 = deviceWith(deviceCapabilities(),
                    c -> !c.mimeType().equals("video/rtx") || c.parameters().get("apt").equals(103));
            assertEquals(1, consumer(consumable(MediaKind.VIDEO, videoVp8()), rtxOnlyForVp9).codecs().size());
        }

        @Test
        void collapseSimulcastIntoOneEncodingWithSpatialLayers() {
            RtpParameters consumer = consumer(consumable(MediaKind.VIDEO, videoVp8Simulcast()), deviceCapabilities());
            assertEquals(List.of(new RtpEncodingParameters(9000L, null, null, new RtxParameters(9001), null, "S3T3", 900000)),
                    consumer.encodings());
            assertEquals("simulcast", Ortc.streamType(consumable(MediaKind.VIDEO, videoVp8Simulcast())));
            assertEquals("simple", Ortc.streamType(consumer));
        }

        @Test
        void keepEveryEncodingForAPipe() {
            RtpParameters consumer = Ortc.getConsumerRtpParameters(consumable(MediaKind.VIDEO, videoVp8Simulcast()),
                    deviceCapabilities(), true, sequentialSsrcs(9000));
            assertEquals(List.of(9000L, 9002L, 9004L), consumer.encodings().stream().map(RtpEncodingParameters::ssrc).toList());
            assertEquals(List.of(9001L, 9003L, 9005L), consumer.encodings().stream().map(e -> e.rtx().ssrc()).toList());
            assertEquals("L1T3", consumer.encodings().get(2).scalabilityMode());
        }

        @Test
        void matchH264ByProfileAgainstTheDeviceCapabilities() {
            RtpParameters consumer = consumer(consumable(MediaKind.VIDEO, videoH264Main()), deviceCapabilities());
            assertEquals(List.of(109, 110), consumer.codecs().stream().map(RtpCodecParameters::payloadType).toList());
            RtpCapabilities baselineOnly = deviceWith(deviceCapabilities(),
                    c -> !"4d001f".equals(c.parameters().get("profile-level-id")));
            assertFalse(Ortc.canConsume(consumable(MediaKind.VIDEO, videoH264Main()), baselineOnly));
            assertTrue(Ortc.canConsume(consumable(MediaKind.VIDEO, videoH264()), baselineOnly));
        }

        @Test
        void refuseWhenTheDeviceCannotDecodeTheStream() {
            RtpParameters vp9 = consumable(MediaKind.VIDEO, videoVp9());
            RtpCapabilities noVp9 = deviceWith(deviceCapabilities(), c -> !c.mimeType().equals("video/VP9"));
            assertTrue(Ortc.canConsume(vp9, deviceCapabilities()));
            assertFalse(Ortc.canConsume(vp9, noVp9));
            assertEquals("the device cannot receive any codec of this stream [video/VP9]",
                    assertThrows(OrtcException.class, () -> consumer(vp9, noVp9)).getMessage());
        }

        @Test
        void areWhatChromiumAcceptedApartFromMidAndSsrcs() {
            Map<String, RtpParameters> producers = Map.of("audio-opus", audioOpus(), "video-vp8", videoVp8(),
                    "video-vp9", videoVp9(), "video-h264", videoH264(), "video-h264-main", videoH264Main(),
                    "video-vp8-simulcast", videoVp8Simulcast());
            Map<String, ChromiumFixtures.AcceptedConsumer> accepted = acceptedConsumers();
            assertEquals(producers.keySet(), accepted.keySet());
            for (Map.Entry<String, ChromiumFixtures.AcceptedConsumer> e : accepted.entrySet()) {
                RtpParameters expected = e.getValue().rtpParameters();
                RtpEncodingParameters encoding = expected.encodings().get(0);
                java.util.Iterator<Long> ssrcs = encoding.rtx() == null ? List.of(encoding.ssrc()).iterator()
                        : List.of(encoding.ssrc(), encoding.rtx().ssrc()).iterator();
                RtpParameters producer = producers.get(e.getKey());
                RtpParameters actual = Ortc.getConsumerRtpParameters(
                        consumable(MediaKind.fromWire(e.getValue().kind()), producer), deviceCapabilities(), false,
                        ssrcs::next);
                assertEquals(expected, new RtpParameters(expected.mid(), actual.codecs(), actual.headerExtensions(),
                        actual.encodings(), actual.rtcp(), actual.msid()), e.getKey());
            }
        }

        @Test
        void rejectMalformedDeviceCapabilities() {
            RtpCapabilities bad = new RtpCapabilities(List.of(
                    new RtpCodecCapability("video", "VP8", 101, 90000, null, Map.of(), List.of())), List.of());
            assertThrows(OrtcException.class, () -> Ortc.canConsume(consumable(MediaKind.VIDEO, videoVp8()), bad));
        }
    }

    @Nested
    class PipeConsumerParameters {

        @Test
        void keepAllEncodingsWithoutRtxAndTransportExtensions() {
            RtpParameters pipe = Ortc.getPipeConsumerRtpParameters(consumable(MediaKind.VIDEO, videoVp8Simulcast()),
                    false, sequentialSsrcs(3000));
            assertEquals(List.of("video/VP8"), pipe.codecs().stream().map(RtpCodecParameters::mimeType).toList());
            assertEquals(List.of(PLI, FIR), pipe.codecs().get(0).rtcpFeedback());
            assertEquals(List.of(HeaderExtensionUris.VIDEO_ORIENTATION), uris(pipe));
            assertEquals(List.of(3000L, 3001L, 3002L), pipe.encodings().stream().map(RtpEncodingParameters::ssrc).toList());
            assertTrue(pipe.encodings().stream().allMatch(e -> e.rtx() == null));
        }

        @Test
        void keepRtxAndNackWhenAsked() {
            RtpParameters pipe = Ortc.getPipeConsumerRtpParameters(consumable(MediaKind.VIDEO, videoVp8()), true,
                    sequentialSsrcs(3000));
            assertEquals(List.of("video/VP8", "video/rtx"), pipe.codecs().stream().map(RtpCodecParameters::mimeType).toList());
            assertEquals(List.of(NACK, PLI, FIR), pipe.codecs().get(0).rtcpFeedback());
            assertEquals(new RtxParameters(3001), pipe.encodings().get(0).rtx());
        }
    }
}
