package dev.sfu.cluster.registry;

import dev.sfu.signaling.api.NodeLoad;

/** The load of a member without a media engine yet: no transports, producers or consumers; real CPU use. */
public final class CpuOnlyLoadSource implements NodeLoadSource {
    private final ProcessCpuLoad cpu = new ProcessCpuLoad();

    @Override
    public NodeLoad currentLoad() {
        return new NodeLoad(0, 0, 0, 0, 0, cpu.coresUsed());
    }
}
