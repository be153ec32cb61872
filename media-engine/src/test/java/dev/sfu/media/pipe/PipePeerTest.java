package dev.sfu.media.pipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfu.media.engine.Consumer;
import dev.sfu.media.engine.Producer;
import dev.sfu.media.engine.Router;
import dev.sfu.media.net.UdpSender;
import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.Ortc;
import dev.sfu.media.ortc.RouterCodecs;
import dev.sfu.media.ortc.RtcpParameters;
import dev.sfu.media.ortc.RtpCodecCapability;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.ortc.RtxParameters;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtcp.Pli;
import dev.sfu.media.rtcp.ReceiverReport;
import dev.sfu.media.rtcp.ReportBlock;
import dev.sfu.media.rtcp.RtcpCompoundReader;
import dev.sfu.media.rtcp.SenderReport;
import dev.sfu.media.srtp.SrtpProfile;
import dev.sfu.media.srtp.SrtpSession;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One peer address, several rooms' pipe transports: datagrams reach the transport that owns their SSRC. */
class PipePeerTest {
    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 40002);

    private final List<byte[]> sent = new ArrayList<>();
    private final List<InetSocketAddress> sentTo = new ArrayList<>();
    private final UdpSender socket = new UdpSender() {
        @Override
        public void send(byte[] data, int offset, int length, InetSocketAddress to) {
            byte[] copy = new byte[length];
            System.arraycopy(data, offset, copy, 0, length);
            sent.add(copy);
            sentTo.add(to);
        }

        @Override
        public void flush() {
        }
    };
    private final PipePeer peer = new PipePeer(REMOTE, socket);

    @Test
    void rtpGoesToTheTransportThatExpectsItsSsrc() {
        PipeTransport one = transport("room1", null);
        PipeTransport two = transport("room2", null);
        produce(one, 1000);
        produce(two, 2000);

        deliver(rtp(1000, 1));
        deliver(rtp(2000, 1));
        deliver(rtp(2000, 2));
        deliver(rtp(2001, 1)); // RTX SSRC of room2's stream: routed (and dropped upstream as RTX padding)
        deliver(rtp(3000, 1)); // nobody's

        assertEquals(1, one.pipeStats().rtpPacketsReceived());
        assertEquals(3, two.pipeStats().rtpPacketsReceived());
        assertEquals(1, peer.stats().droppedUnknownSsrc());
        assertEquals(2, peer.stats().transports());
    }

    @Test
    void plainRtcpIsRoutedBySenderOrByTheSsrcsItRefersTo() {
        PipeTransport one = transport("room1", null);
        PipeTransport two = transport("room2", null);
        produce(one, 1000);
        produce(two, 2000);

        PacketBuffer sr = new PacketBuffer();
        sr.setLength(new SenderReport(1000, 1, 2, 3, 4, List.of()).writeTo(sr, 0));
        deliver(sr.toByteArray());
        PacketBuffer rr = new PacketBuffer();
        rr.setLength(new ReceiverReport(777, List.of(new ReportBlock(2000, 0, 0, 0, 0, 0, 0))).writeTo(rr, 0));
        deliver(rr.toByteArray());
        PacketBuffer stray = new PacketBuffer();
        stray.setLength(new Pli(777, 4242).writeTo(stray, 0));
        deliver(stray.toByteArray());
        deliver(new byte[] {(byte) 0x81, (byte) 201, 0, 9, 0, 0, 0, 1, 0, 0, 0, 0}); // length beyond the datagram

        assertEquals(1, one.pipeStats().rtcpPacketsReceived());
        assertEquals(1, two.pipeStats().rtcpPacketsReceived());
        assertEquals(1, peer.stats().droppedUnroutableRtcp());
        assertEquals(1, peer.stats().droppedMalformed());
    }

    @Test
    void srtcpFromAnUnknownSenderGoesToTheTransportWhoseKeysAuthenticateIt() {
        PipeSrtpKeys keysOne = PipeSrtpKeys.generate(SrtpProfile.AEAD_AES_128_GCM);
        PipeSrtpKeys keysTwo = PipeSrtpKeys.generate(SrtpProfile.AEAD_AES_128_GCM);
        PipeTransport one = transport("room1", keysOne);
        PipeTransport two = transport("room2", keysTwo);
        SrtpSession farSideOfTwo = keysTwo.mirrored().newSession();

        for (int i = 0; i < 3; i++) {
            PacketBuffer rr = new PacketBuffer();
            rr.setLength(new ReceiverReport(555, List.of()).writeTo(rr, 0));
            farSideOfTwo.protectRtcp(rr);
            deliver(rr.toByteArray());
        }
        PacketBuffer forged = new PacketBuffer();
        forged.setLength(new ReceiverReport(556, List.of()).writeTo(forged, 0));
        PipeSrtpKeys.generate(SrtpProfile.AEAD_AES_128_GCM).newSession().protectRtcp(forged);
        deliver(forged.toByteArray());

        assertEquals(0, one.pipeStats().rtcpPacketsReceived());
        assertEquals(3, two.pipeStats().rtcpPacketsReceived());
        assertEquals(1, peer.stats().droppedUnroutableRtcp());
    }

    @Test
    void keyFrameRequestsGoToThePeerAddressAndNonMediaIsDropped() {
        PipeTransport one = transport("room1", null);
        Producer producer = produce(one, 1000);
        producer.requestKeyFrame();

        assertEquals(List.of(REMOTE), sentTo);
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketBuffer.wrap(sent.get(0), 0, sent.get(0).length));
        r.next();
        assertEquals(1000, Pli.parse(r).mediaSsrc());

        peer.onDtls(PacketBuffer.wrap(new byte[] {22, 0}, 0, 2), REMOTE);
        peer.onRtpOrRtcp(PacketBuffer.wrap(new byte[] {(byte) 0x80, 96, 0, 0, 0, 0, 0, 0, 0, 0}, 0, 10), REMOTE);
        assertEquals(1, peer.stats().droppedNotMedia());
        assertEquals(1, peer.stats().droppedMalformed());
    }

    @Test
    void anSsrcBelongsToOneTransportAndClosingReleasesIt() {
        PipeTransport one = transport("room1", null);
        PipeTransport two = transport("room2", null);
        produce(one, 1000);
        assertThrows(IllegalArgumentException.class, () -> produce(two, 1000));
        assertEquals(0, two.producers().size());

        one.close();
        assertEquals(1, peer.stats().transports());
        Producer again = produce(two, 1000); // free again
        deliver(rtp(1000, 1));
        assertEquals(1, two.pipeStats().rtpPacketsReceived());

        again.close(); // closed directly: no listener call, yet the SSRC can be piped by another room
        PipeTransport three = transport("room3", null);
        produce(three, 1000);
        deliver(rtp(1000, 2));
        assertEquals(1, three.pipeStats().rtpPacketsReceived());
        assertEquals(0, one.pipeStats().rtpPacketsReceived());
    }

    // --- helpers

    private PipeTransport transport(String room, PipeSrtpKeys keys) {
        Router router = new Router(room, Ortc.generateRouterRtpCapabilities(RouterCodecs.defaultMediaCodecs()));
        return new PipeTransport("pipe-" + room, router, peer, keys, new PipeTransport.Listener() {
            @Override public void onPipeConsumerClosed(PipeTransport t, Consumer c, String reason) { }
            @Override public void onPipeProducerClosed(PipeTransport t, Producer p) { }
            @Override public void onTransportClosed(PipeTransport t, String reason) { }
        });
    }

    /** A pipe producer whose one stream arrives as {@code ssrc} (RTX as ssrc + 1), in the router's own codecs. */
    private static Producer produce(PipeTransport transport, long ssrc) {
        List<RtpCodecCapability> caps = transport.router().rtpCapabilities().codecs();
        RtpCodecCapability vp8 = caps.stream().filter(c -> c.mimeType().equalsIgnoreCase("video/VP8")).findFirst()
                .orElseThrow();
        RtpCodecCapability rtx = caps.stream().filter(c -> c.mimeType().equalsIgnoreCase("video/rtx")
                && vp8.preferredPayloadType().equals(((Number) c.parameters().get("apt")).intValue())).findFirst()
                .orElseThrow();
        RtpParameters params = new RtpParameters(null, List.of(codec(vp8), codec(rtx)), List.of(),
                List.of(new RtpEncodingParameters(ssrc, null, null, new RtxParameters(ssrc + 1), null, null, null)),
                new RtcpParameters("cname", true, false));
        return transport.producePipe("p" + ssrc, MediaKind.VIDEO, params, false);
    }

    private static RtpCodecParameters codec(RtpCodecCapability c) {
        return new RtpCodecParameters(c.mimeType(), c.preferredPayloadType(), c.clockRate(), c.channels(),
                c.parameters(), c.rtcpFeedback());
    }

    private void deliver(byte[] datagram) {
        peer.onRtpOrRtcp(PacketBuffer.wrap(datagram.clone(), 0, datagram.length), REMOTE);
    }

    private static byte[] rtp(long ssrc, int seq) {
        byte[] p = new byte[12 + 20];
        p[0] = (byte) 0x80;
        p[1] = 96;
        p[3] = (byte) seq;
        p[8] = (byte) (ssrc >>> 24);
        p[9] = (byte) (ssrc >>> 16);
        p[10] = (byte) (ssrc >>> 8);
        p[11] = (byte) ssrc;
        return p;
    }
}
