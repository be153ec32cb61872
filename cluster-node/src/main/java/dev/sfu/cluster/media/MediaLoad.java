package dev.sfu.cluster.media;

import dev.sfu.cluster.registry.NodeLoadSource;
import dev.sfu.signaling.api.NodeLoad;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * This member's load for the node registry: media counts written by the media thread about once a second (see
 * {@link LocalMedia#updateLoad}), read by the registry at any time without waiting; CPU read from the JVM.
 */
public final class MediaLoad implements NodeLoadSource {
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private volatile NodeLoad media = NodeLoad.EMPTY;

    void update(int transports, int producers, int consumers, long bitrateIn, long bitrateOut) {
        media = new NodeLoad(transports, producers, consumers, bitrateIn, bitrateOut, 0.0);
    }

    @Override
    public NodeLoad currentLoad() {
        NodeLoad now = media;
        return new NodeLoad(now.transports(), now.producers(), now.consumers(), now.bitrateIn(), now.bitrateOut(),
                coresUsed());
    }

    /** Process CPU in cores, or 0 when the JVM cannot tell. */
    private double coresUsed() {
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            double share = hotspot.getProcessCpuLoad();
            if (share >= 0) return share * os.getAvailableProcessors();
        }
        return 0.0;
    }
}
