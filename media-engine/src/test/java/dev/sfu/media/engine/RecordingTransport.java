package dev.sfu.media.engine;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtcp.RtcpCompoundReader;

import java.util.ArrayList;
import java.util.List;

/**
 * The collaborator below a Transport, in memory: records copies of what the engine sends, lets the test inject
 * decrypted packets and drive the clock. (Not a server: the unit under test is the engine above it.)
 */
final class RecordingTransport extends Transport {
    final List<byte[]> sentRtp = new ArrayList<>();
    final List<byte[]> sentRtcp = new ArrayList<>();
    boolean connected = true;
    /** When false, sent packets are only counted (for allocation measurements). */
    boolean record = true;
    int sentCount;
    long now;
    /** How often the engine read this transport's clock. */
    int clockReads;

    RecordingTransport(String id, Router router, long startMillis) {
        super(id, router);
        this.now = startMillis;
    }

    void injectRtp(byte[] packet) {
        receiveRtp(new PacketBuffer().copyFrom(packet, 0, packet.length));
    }

    void injectRtcp(byte[] packet) {
        receiveRtcp(new PacketBuffer().copyFrom(packet, 0, packet.length));
    }

    void receiveRtpForTest(PacketBuffer decrypted) {
        receiveRtp(decrypted);
    }

    void advance(long millis) {
        now += millis;
    }

    void tick() {
        onTick(now);
    }

    /** Every sent RTCP packet (compounds split) of this packet type and format. */
    List<PacketBuffer> sentRtcpOfType(int packetType, int format) {
        List<PacketBuffer> out = new ArrayList<>();
        for (byte[] b : sentRtcp) {
            RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketBuffer.wrap(b, 0, b.length));
            while (r.next()) {
                if (r.packetType() == packetType && (format < 0 || r.countOrFormat() == format)) {
                    byte[] one = java.util.Arrays.copyOfRange(b, r.offset(), r.offset() + r.length());
                    out.add(PacketBuffer.wrap(one, 0, one.length));
                }
            }
        }
        return out;
    }

    @Override
    protected void sendRtp(PacketBuffer rtp) {
        sentCount++;
        if (record) {
            sentRtp.add(rtp.toByteArray());
        }
        rtp.setByte(0, 0);               // "encrypting in place": the engine must not rely on the bytes after this
    }

    @Override
    protected void sendRtcp(PacketBuffer rtcp) {
        sentRtcp.add(rtcp.toByteArray());
    }

    @Override
    protected boolean isConnected() {
        return connected;
    }

    @Override
    protected long nowMillis() {
        clockReads++;
        return now;
    }
}
