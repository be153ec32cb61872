package dev.sfu.media.net;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.stun.StunMessage;
import dev.sfu.media.stun.StunParseResult;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one inbound handler of the media socket: copies each datagram once into a reused {@link PacketBuffer},
 * classifies it by first byte (RFC 7983), finds its session and hands it over. Bad datagrams are counted and
 * dropped; nothing a peer sends can close the channel.
 */
public final class DatagramDemuxer extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(DatagramDemuxer.class);

    private final TransportRegistry registry;
    private final DemuxCounters counters = new DemuxCounters();
    private final PacketBuffer packet = new PacketBuffer();
    private final UnverifiedSourceLimiter floodLimiter;
    private long errors;
    private long lastLoggedLimited;

    public DatagramDemuxer(TransportRegistry registry) {
        this(registry, new UnverifiedSourceLimiter());
    }

    public DatagramDemuxer(TransportRegistry registry, UnverifiedSourceLimiter floodLimiter) {
        this.registry = registry;
        this.floodLimiter = floodLimiter;
    }

    /** The per-IP budget of sources no session knows yet (their STUN is the only work done for them). */
    public UnverifiedSourceLimiter floodLimiter() {
        return floodLimiter;
    }

    public DemuxCounters counters() {
        return counters;
    }

    /** Exceptions that reached this handler (a bug somewhere below it; the socket kept serving). */
    public long errors() {
        return errors;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket datagram)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            ByteBuf content = datagram.content();
            int length = content.readableBytes();
            if (packet.getBuffer().length < length) {
                packet.copyFrom(new byte[length], 0, length); // grow once; contents overwritten below
            }
            content.getBytes(content.readerIndex(), packet.getBuffer(), 0, length);
            packet.setOffset(0);
            packet.setLength(length);
            demux(packet, datagram.sender());
        } finally {
            datagram.release();
        }
    }

    /** Classifies one datagram and hands it to its session; public so tests can drive it without a socket. */
    public void demux(PacketBuffer datagram, InetSocketAddress from) {
        PacketKind kind = PacketClassifier.classify(datagram);
        counters.received(kind);
        switch (kind) {
            case STUN -> onStun(datagram, from);
            case DTLS -> endpointAt(kind, from).ifPresent(e -> e.onDtls(datagram, from));
            case RTP_RTCP -> onRtpOrRtcp(datagram, from);
            default -> counters.dropped(kind);
        }
    }

    private void onStun(PacketBuffer datagram, InetSocketAddress from) {
        // A known address (ICE-selected pair, pipe peer) is never limited; a stranger's STUN checks are, before the
        // parse and HMAC they would cost.
        if (registry.byAddress(from).isEmpty() && !floodLimiter.allow(from.getAddress())) {
            long limitedBefore = floodLimiter.sourcesLimited();
            counters.dropped(PacketKind.STUN);
            if (limitedBefore != lastLoggedLimited) {
                lastLoggedLimited = limitedBefore;
                log.warn("Media port: {} is over its STUN budget of {}/s; dropping its datagrams ({} sources limited so far)",
                        from.getAddress().getHostAddress(), (long) floodLimiter.ratePerSecond(),
                        limitedBefore);
            }
            return;
        }
        StunParseResult result = StunMessage.parse(datagram.getBuffer(), datagram.getOffset(), datagram.getLength());
        if (!(result instanceof StunParseResult.Parsed parsed)) {
            counters.dropped(PacketKind.STUN);
            log.debug("Malformed STUN from {}: {}", from, ((StunParseResult.Malformed) result).reason());
            return;
        }
        StunMessage message = parsed.message();
        Optional<PacketEndpoint> endpoint = message.username()
                .map(DatagramDemuxer::localUfrag)
                .flatMap(registry::byUfrag)
                .or(() -> registry.byAddress(from));
        if (endpoint.isEmpty()) {
            counters.unknownAddress(PacketKind.STUN);
            return;
        }
        endpoint.get().onStun(message, from);
    }

    private void onRtpOrRtcp(PacketBuffer datagram, InetSocketAddress from) {
        // Shorter than an RTCP header (4 bytes + sender SSRC): cannot be real media.
        if (datagram.getLength() < 8) {
            counters.dropped(PacketKind.RTP_RTCP);
            return;
        }
        endpointAt(PacketKind.RTP_RTCP, from).ifPresent(e -> e.onRtpOrRtcp(datagram, from));
    }

    private Optional<PacketEndpoint> endpointAt(PacketKind kind, InetSocketAddress from) {
        Optional<PacketEndpoint> endpoint = registry.byAddress(from);
        if (endpoint.isEmpty()) {
            counters.unknownAddress(kind);
        }
        return endpoint;
    }

    /** USERNAME in a request to us is "ourUfrag:theirUfrag" (RFC 8445 section 7.2.2). */
    static String localUfrag(String username) {
        int colon = username.indexOf(':');
        return colon < 0 ? username : username.substring(0, colon);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A UDP socket serves every session: log and keep serving, never close it.
        errors++;
        log.warn("Error on media socket (socket stays open)", cause);
    }
}
