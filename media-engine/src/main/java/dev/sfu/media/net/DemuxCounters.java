package dev.sfu.media.net;

import java.util.EnumMap;
import java.util.Map;

/**
 * Per packet kind: datagrams received, dropped (malformed or of an unused kind) and with no session to go to.
 * Written on the media thread; read a {@link #snapshot()} there too (via MediaEngine.submit).
 */
public final class DemuxCounters {
    /** One kind's counts at one moment. */
    public record KindCounts(long received, long dropped, long unknownAddress) {
    }

    private final long[] received = new long[PacketKind.values().length];
    private final long[] dropped = new long[PacketKind.values().length];
    private final long[] unknownAddress = new long[PacketKind.values().length];

    void received(PacketKind kind) {
        received[kind.ordinal()]++;
    }

    void dropped(PacketKind kind) {
        dropped[kind.ordinal()]++;
    }

    void unknownAddress(PacketKind kind) {
        unknownAddress[kind.ordinal()]++;
    }

    public KindCounts get(PacketKind kind) {
        int i = kind.ordinal();
        return new KindCounts(received[i], dropped[i], unknownAddress[i]);
    }

    public Map<PacketKind, KindCounts> snapshot() {
        Map<PacketKind, KindCounts> out = new EnumMap<>(PacketKind.class);
        for (PacketKind kind : PacketKind.values()) {
            out.put(kind, get(kind));
        }
        return out;
    }
}
