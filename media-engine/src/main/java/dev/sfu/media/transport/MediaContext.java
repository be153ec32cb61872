package dev.sfu.media.transport;

import dev.sfu.media.dtls.DtlsCertificate;
import dev.sfu.media.net.TransportRegistry;
import dev.sfu.media.net.UdpSender;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * What the media engine lends every transport: the socket, the session registry, the node's certificate, the DTLS
 * handshake executor, a way back onto the media thread, the clock (milliseconds), the ICE consent timeout and the
 * time a new transport has to connect.
 */
public record MediaContext(UdpSender socket, TransportRegistry registry, DtlsCertificate certificate,
                           Executor dtlsExecutor, Executor mediaThread, LongSupplier clock,
                           Duration consentTimeout, Duration connectTimeout) {
}
