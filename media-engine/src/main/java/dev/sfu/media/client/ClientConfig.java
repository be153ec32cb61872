package dev.sfu.media.client;

import dev.sfu.media.dtls.DtlsCertificate;
import dev.sfu.media.dtls.DtlsRole;
import dev.sfu.media.transport.DtlsParameters;
import dev.sfu.media.transport.IceCandidate;
import dev.sfu.media.transport.IceParameters;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What a {@link WebRtcClient} needs: the server transport's parameters (as signaling returns them), our DTLS role
 * and certificate, the threads to run on, and where decrypted media goes.
 *
 * @param group        event loops for the client socket (shared between clients by the load tool)
 * @param dtlsExecutor runs the blocking DTLS handshake
 */
public record ClientConfig(IceParameters serverIce, List<IceCandidate> serverCandidates, DtlsParameters serverDtls,
                           DtlsRole localRole, DtlsCertificate certificate, String bindHost, EventLoopGroup group,
                           Executor dtlsExecutor, MediaListener mediaListener) {
    public ClientConfig {
        Objects.requireNonNull(serverIce, "serverIce");
        Objects.requireNonNull(serverDtls, "serverDtls");
        Objects.requireNonNull(localRole, "localRole");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(dtlsExecutor, "dtlsExecutor");
        Objects.requireNonNull(mediaListener, "mediaListener");
        if (serverCandidates == null || serverCandidates.stream().noneMatch(c -> "udp".equals(c.protocol()))) {
            throw new IllegalArgumentException("server offers no UDP candidate");
        }
        bindHost = bindHost == null ? "127.0.0.1" : bindHost;
    }
}
