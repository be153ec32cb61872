package dev.sfu.bench.load;

import dev.sfu.media.client.MediaListener;
import dev.sfu.media.client.WebRtcClient;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated publisher: a send transport on one member, a VP8-like video producer and an Opus-like audio
 * producer, paced by the shared pacing thread. Answers the SFU's key frame requests (PLI/FIR) with a key frame.
 */
final class Publisher implements AutoCloseable {
    private final ClientResources resources;
    private final SignalingClient.Transport transport;
    private final WebRtcClient client;
    private final VideoSource video;
    private final AudioSource audio;
    private final AtomicLong keyFrameRequests = new AtomicLong();
    private String videoProducerId;
    private String audioProducerId;
    private long packetsSent;
    private ScheduledFuture<?> videoTimer;
    private ScheduledFuture<?> audioTimer;

    private Publisher(ClientResources resources, SignalingClient.Transport transport, MediaParameters media,
                      LoadPlan plan, SplittableRandom random) {
        this.resources = resources;
        this.transport = transport;
        this.video = new VideoSource(media.videoPayloadType(), randomSsrc(random), plan.videoBitrateBps(),
                plan.keyFrameIntervalSeconds() * VideoSource.FRAMES_PER_SECOND, random);
        this.audio = new AudioSource(media.audioPayloadType(), randomSsrc(random), plan.audioBitrateBps(), random);
        this.client = resources.openClient(transport, new MediaListener() {
            @Override
            public void onRtp(byte[] rtp) {
            }

            @Override
            public void onRtcp(byte[] rtcp) {
                if (RtcpKeyFrameRequests.contains(rtcp)) {
                    keyFrameRequests.incrementAndGet();
                    video.requestKeyFrame();
                }
            }
        }, true);
    }

    /** Creates the send transport on the member behind {@code url}, connects it and produces both streams. */
    static Publisher join(ClientResources resources, String url, String room, MediaParameters media, LoadPlan plan,
                          int index) throws Exception {
        SignalingClient signaling = resources.signaling();
        SignalingClient.Transport transport = signaling.createTransport(url, room, "send", null, null);
        Publisher publisher = new Publisher(resources, transport, media, plan, new SplittableRandom(index * 7919L + 17));
        try {
            resources.connect(publisher.client, transport);
            String cname = "load-publisher-" + index;
            publisher.audioProducerId = signaling.produce(transport, "audio",
                    media.producerRtpParameters("audio", publisher.audio.ssrc(), cname));
            publisher.videoProducerId = signaling.produce(transport, "video",
                    media.producerRtpParameters("video", publisher.video.ssrc(), cname));
            return publisher;
        } catch (Exception | Error e) {
            publisher.close();
            throw e;
        }
    }

    /** Starts sending: a video frame every 1/30 s, an audio packet every 20 ms. */
    void start() {
        long frameMicros = 1_000_000L / VideoSource.FRAMES_PER_SECOND;
        long audioMicros = 1_000_000L / AudioSource.PACKETS_PER_SECOND;
        videoTimer = resources.pacer().scheduleAtFixedRate(this::sendFrame, 0, frameMicros, TimeUnit.MICROSECONDS);
        audioTimer = resources.pacer().scheduleAtFixedRate(this::sendAudio, audioMicros / 2, audioMicros,
                TimeUnit.MICROSECONDS);
    }

    void stop() {
        if (videoTimer != null) videoTimer.cancel(false);
        if (audioTimer != null) audioTimer.cancel(false);
    }

    String node() {
        return transport.node();
    }

    String url() {
        return transport.url();
    }

    String videoProducerId() {
        return videoProducerId;
    }

    List<String> producerIds() {
        return List.of(audioProducerId, videoProducerId);
    }

    long keyFrameRequests() {
        return keyFrameRequests.get();
    }

    long keyFramesSent() {
        return video.keyFrames();
    }

    /** Packets handed to the client so far (read from the pacing thread's writes; approximate while running). */
    long packetsSent() {
        return packetsSent;
    }

    private void sendFrame() {
        for (byte[] packet : video.nextFrame(System.nanoTime())) {
            client.sendRtp(packet);
            packetsSent++;
        }
    }

    private void sendAudio() {
        client.sendRtp(audio.nextPacket(System.nanoTime()));
        packetsSent++;
    }

    @Override
    public void close() {
        stop();
        client.close();
        try {
            resources.signaling().closeTransport(transport);
        } catch (SignalingException e) {
            // The member may be gone already; closing is best effort.
        }
    }

    private static long randomSsrc(SplittableRandom random) {
        return 1 + random.nextLong(0xFFFF_FFFEL);
    }
}
