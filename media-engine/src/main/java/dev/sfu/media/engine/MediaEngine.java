package dev.sfu.media.engine;

import dev.sfu.media.dtls.DtlsCertificate;
import dev.sfu.media.net.DatagramDemuxer;
import dev.sfu.media.net.MediaSocket;
import dev.sfu.media.net.TransportRegistry;
import dev.sfu.media.ortc.Ortc;
import dev.sfu.media.ortc.RouterCodecs;
import dev.sfu.media.pipe.PipePeer;
import dev.sfu.media.pipe.PipeSrtpKeys;
import dev.sfu.media.pipe.PipeTransport;
import dev.sfu.media.transport.DtlsFingerprint;
import dev.sfu.media.transport.IceCandidate;
import dev.sfu.media.transport.MediaContext;
import dev.sfu.media.transport.WebRtcTransport;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's media engine: the UDP socket whose event-loop thread is the media thread, the routers, the registry
 * of sessions on it, one DTLS certificate, a small executor for DTLS handshakes and one timer that drives {@code onTick}.
 *
 * <p>Other threads come in only through {@link #submit}; everything else must be called on the media thread.
 */
public final class MediaEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaEngine.class);
    private static final int DTLS_QUEUE_CAPACITY = 1024;

    // Passed by argument.
    private final MediaEngineConfig config;

    // Allocated by this.
    private final TransportRegistry registry = new TransportRegistry();
    private final DatagramDemuxer demuxer = new DatagramDemuxer(registry);
    private final DtlsCertificate certificate;
    private final ThreadPoolExecutor dtlsExecutor;
    private final AtomicLong dtlsRejected = new AtomicLong();
    private final MediaSocket socket;
    private final MediaContext context;
    private final ScheduledFuture<?> ticker;

    // Others (media thread).
    private final Map<String, Router> routers = new LinkedHashMap<>();
    private final Map<String, WebRtcTransport> transports = new LinkedHashMap<>();
    private final Map<String, PipeTransport> pipeTransports = new LinkedHashMap<>();
    private final Map<InetSocketAddress, PipePeer> pipePeers = new HashMap<>();
    private volatile boolean closed;

    private MediaEngine(MediaEngineConfig config) {
        this.config = config;
        this.certificate = DtlsCertificate.generate();
        this.dtlsExecutor = new ThreadPoolExecutor(config.dtlsThreads(), config.dtlsThreads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(DTLS_QUEUE_CAPACITY), new DefaultThreadFactory("dtls-handshake", true),
                (task, executor) -> {
                    dtlsRejected.incrementAndGet();
                    throw new RejectedExecutionException("DTLS handshake executor is full");
                });
        this.dtlsExecutor.allowCoreThreadTimeOut(true);
        try {
            this.socket = MediaSocket.bind(config.bindHost(), config.port(), demuxer);
        } catch (RuntimeException e) {
            dtlsExecutor.shutdownNow();
            throw e;
        }
        EventLoop mediaThread = socket.eventLoop();
        this.context = new MediaContext(socket, registry, certificate, dtlsExecutor, mediaThread,
                System::currentTimeMillis, config.consentTimeout(), config.connectTimeout());
        long period = config.tickInterval().toMillis();
        this.ticker = mediaThread.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Binds the media port and starts the media thread.
     *
     * @throws dev.sfu.media.net.MediaSocketException when the port is taken; the message names it
     */
    public static MediaEngine start(MediaEngineConfig config) {
        return new MediaEngine(config);
    }

    /** Runs {@code task} on the media thread (inline when already on it); queued datagrams are flushed after. */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        EventLoop mediaThread = socket.eventLoop();
        Runnable run = () -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                socket.flush();
            }
        };
        if (mediaThread.inEventLoop()) {
            run.run();
        } else {
            try {
                mediaThread.execute(run);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(new IllegalStateException("media engine is closed", e));
            }
        }
        return result;
    }

    /** The address the socket is bound to (the real port when the config asked for 0). */
    public InetSocketAddress localAddress() {
        return socket.localAddress();
    }

    /** Creates a router with the default media codecs (media thread only). */
    public Router createRouter(String routerId) {
        requireMediaThread();
        routers.values().removeIf(Router::closed);
        if (routers.containsKey(routerId)) {
            throw new IllegalArgumentException("router already exists: " + routerId);
        }
        Router router = new Router(routerId, Ortc.generateRouterRtpCapabilities(RouterCodecs.defaultMediaCodecs()));
        routers.put(routerId, router);
        return router;
    }

    /** The open router with this id (media thread only). */
    public Optional<Router> router(String routerId) {
        return Optional.ofNullable(routers.get(routerId)).filter(r -> !r.closed());
    }

    /** Creates a WebRTC transport of {@code router} on this node's port (media thread only). */
    public WebRtcTransport createWebRtcTransport(Router router, String transportId,
                                                 WebRtcTransport.Listener listener) {
        requireMediaThread();
        if (transports.containsKey(transportId)) {
            throw new IllegalArgumentException("transport already exists: " + transportId);
        }
        IceCandidate candidate = IceCandidate.udpHost(config.announcedIp(), localAddress().getPort());
        WebRtcTransport transport = new WebRtcTransport(transportId, router, context, candidate,
                new WebRtcTransport.Listener() {
            @Override
            public void onIceStateChange(WebRtcTransport t, String state) {
                listener.onIceStateChange(t, state);
            }

            @Override
            public void onDtlsStateChange(WebRtcTransport t, String state) {
                listener.onDtlsStateChange(t, state);
            }

            @Override
            public void onTransportClosed(WebRtcTransport t, String reason) {
                transports.remove(t.id(), t);
                listener.onTransportClosed(t, reason);
            }
        });
        transports.put(transportId, transport);
        return transport;
    }

    /**
     * Creates a pipe transport of {@code router} toward another member's media address {@code remote} (media
     * thread only). Pipes of several routers toward the same member share that address; incoming datagrams are
     * told apart by SSRC. {@code keys} null: no SRTP on this pipe.
     */
    public PipeTransport createPipeTransport(Router router, String transportId, InetSocketAddress remote,
                                             PipeSrtpKeys keys, PipeTransport.Listener listener) {
        requireMediaThread();
        if (remote == null || remote.isUnresolved()) {
            throw new IllegalArgumentException("pipe remote address must be a resolved ip:port: " + remote);
        }
        if (pipeTransports.containsKey(transportId) || transports.containsKey(transportId)) {
            throw new IllegalArgumentException("transport already exists: " + transportId);
        }
        PipePeer peer = pipePeers.computeIfAbsent(remote, address -> {
            PipePeer created = new PipePeer(address, socket);
            registry.moveAddress(created, null, address);
            return created;
        });
        PipeTransport transport;
        try {
            transport = new PipeTransport(transportId, router, peer, keys, new PipeTransport.Listener() {
                @Override
                public void onPipeConsumerClosed(PipeTransport t, Consumer c, String reason) {
                    listener.onPipeConsumerClosed(t, c, reason);
                }

                @Override
                public void onPipeProducerClosed(PipeTransport t, Producer p) {
                    listener.onPipeProducerClosed(t, p);
                }

                @Override
                public void onTransportClosed(PipeTransport t, String reason) {
                    pipeTransports.remove(t.id(), t);
                    forgetPeerIfUnused(peer);
                    listener.onTransportClosed(t, reason);
                }

                @Override
                public void onPipeConsumerProducerPaused(PipeTransport t, Consumer c) {
                    listener.onPipeConsumerProducerPaused(t, c);
                }

                @Override
                public void onPipeConsumerProducerResumed(PipeTransport t, Consumer c) {
                    listener.onPipeConsumerProducerResumed(t, c);
                }
            });
        } catch (RuntimeException e) {
            forgetPeerIfUnused(peer);
            throw e;
        }
        pipeTransports.put(transportId, transport);
        return transport;
    }

    public Optional<PipeTransport> pipeTransport(String transportId) {
        return Optional.ofNullable(pipeTransports.get(transportId));
    }

    public Optional<WebRtcTransport> webRtcTransport(String transportId) {
        return Optional.ofNullable(transports.get(transportId));
    }

    /** The fingerprints of this node's DTLS certificate, as put in every transport's dtlsParameters. */
    public List<DtlsFingerprint> fingerprints() {
        return List.of(certificate.fingerprint());
    }

    /** Socket-level counters; call on the media thread (e.g. through {@link #submit}). */
    public EngineStats stats() {
        return new EngineStats(localAddress().getPort(), transports.size(), demuxer.counters().snapshot(),
                socket.datagramsSent(), socket.sendFailures(), dtlsRejected.get(), demuxer.errors(),
                demuxer.floodLimiter().dropped(), demuxer.floodLimiter().sourcesLimited());
    }

    /** Closes every router and transport and releases the port. Call from outside the media thread; idempotent. */
    @Override
    public void close() {
        if (socket.eventLoop().inEventLoop()) {
            throw new IllegalStateException("MediaEngine.close() would wait for the media thread on itself");
        }
        if (closed) {
            return;
        }
        closed = true;
        try {
            submit(() -> {
                ticker.cancel(false);
                for (Router r : new ArrayList<>(routers.values())) {
                    r.close();
                }
                for (WebRtcTransport t : new ArrayList<>(transports.values())) {
                    t.close();
                }
                for (PipeTransport t : new ArrayList<>(pipeTransports.values())) {
                    t.close();
                }
                return null;
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Closing transports failed: {}", e.toString());
        }
        socket.close();
        dtlsExecutor.shutdownNow();
    }

    private void tick() {
        long now = System.currentTimeMillis();
        for (WebRtcTransport t : new ArrayList<>(transports.values())) {
            try {
                t.onTick(now);
            } catch (RuntimeException e) {
                log.warn("onTick failed for transport {}", t.id(), e);
            }
        }
        for (PipeTransport t : new ArrayList<>(pipeTransports.values())) {
            try {
                t.onTick(now);
            } catch (RuntimeException e) {
                log.warn("onTick failed for pipe transport {}", t.id(), e);
            }
        }
        socket.flush();
    }

    private void forgetPeerIfUnused(PipePeer peer) {
        if (peer.isEmpty() && pipePeers.remove(peer.remote(), peer)) {
            registry.remove(peer);
        }
    }

    private void requireMediaThread() {
        if (!socket.eventLoop().inEventLoop()) {
            throw new IllegalStateException("call on the media thread (MediaEngine.submit)");
        }
    }
}
