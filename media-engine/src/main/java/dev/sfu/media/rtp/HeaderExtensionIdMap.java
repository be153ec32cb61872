package dev.sfu.media.rtp;

import dev.sfu.media.packet.PacketBuffer;

/**
 * Rewrites RFC 8285 header-extension ids in place: each known id becomes the id the receiver negotiated,
 * each unknown one is blanked out into padding bytes (id 0), which both formats allow between elements.
 * Nothing moves, so the packet length never changes.
 */
public final class HeaderExtensionIdMap {
    private static final int MAX_ID = 255;
    /** Incoming id to outgoing id; 0 means "drop". */
    private final int[] mapping = new int[MAX_ID + 1];

    public HeaderExtensionIdMap put(int fromId, int toId) {
        if (fromId <= 0 || fromId > MAX_ID || toId < 0 || toId > MAX_ID) {
            throw new IllegalArgumentException("header extension id out of range: " + fromId + " -> " + toId);
        }
        mapping[fromId] = toId;
        return this;
    }

    public int map(int fromId) {
        return fromId <= 0 || fromId > MAX_ID ? 0 : mapping[fromId];
    }

    /** Remaps the ids of {@code packet}'s extension block in place. */
    public void apply(RtpPacket packet) {
        if (!packet.hasExtension()) {
            return;
        }
        int profile = packet.extensionProfile();
        if (profile == RtpPacket.ONE_BYTE_PROFILE) {
            applyOneByte(packet.buffer(), packet.extensionStart(), packet.extensionEnd());
        } else if ((profile & RtpPacket.TWO_BYTE_PROFILE_MASK) == RtpPacket.TWO_BYTE_PROFILE) {
            applyTwoByte(packet.buffer(), packet.extensionStart(), packet.extensionEnd());
        }
    }

    private void applyOneByte(PacketBuffer p, int start, int end) {
        int i = start;
        while (i < end) {
            int b = p.getUnsignedByte(i);
            if (b == 0) {
                i++;
                continue;
            }
            int id = b >>> 4;
            if (id == 15) {
                return;
            }
            int elementEnd = i + 1 + (b & 0x0F) + 1;
            if (elementEnd > end) {
                blank(p, i, end);
                return;
            }
            int to = mapping[id];
            if (to >= 1 && to <= 14) {
                p.setByte(i, (to << 4) | (b & 0x0F));
            } else {
                blank(p, i, elementEnd);
            }
            i = elementEnd;
        }
    }

    private void applyTwoByte(PacketBuffer p, int start, int end) {
        int i = start;
        while (i < end) {
            int id = p.getUnsignedByte(i);
            if (id == 0) {
                i++;
                continue;
            }
            if (i + 1 >= end) {
                blank(p, i, end);
                return;
            }
            int elementEnd = i + 2 + p.getUnsignedByte(i + 1);
            if (elementEnd > end) {
                blank(p, i, end);
                return;
            }
            int to = mapping[id];
            if (to != 0) {
                p.setByte(i, to);
            } else {
                blank(p, i, elementEnd);
            }
            i = elementEnd;
        }
    }

    private static void blank(PacketBuffer p, int from, int to) {
        for (int i = from; i < to; i++) {
            p.setByte(i, 0);
        }
    }
}
