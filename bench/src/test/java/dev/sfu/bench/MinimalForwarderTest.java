package dev.sfu.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.srtp.SrtpProfile;
import dev.sfu.media.srtp.SrtpSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinimalForwarderTest {

    @Test
    void everySubscriberGetsThePacketEncryptedWithItsOwnKeys() {
        SrtpKeys publisherKeys = new SrtpKeys(SrtpProfile.AEAD_AES_128_GCM, 1);
        List<SrtpKeys> subscriberKeys = List.of(new SrtpKeys(SrtpProfile.AEAD_AES_128_GCM, 2),
                new SrtpKeys(SrtpProfile.AEAD_AES_128_GCM, 3));
        List<SrtpSession> subscriberSessions = new ArrayList<>();
        subscriberKeys.forEach(k -> subscriberSessions.add(k.sfuSession()));
        List<SrtpSession> receivers = new ArrayList<>();
        subscriberKeys.forEach(k -> receivers.add(k.browserSession()));
        List<byte[]> received = new ArrayList<>();
        PacketSink sink = new PacketSink() {
            @Override
            void accept(PacketBuffer packet) {
                super.accept(packet);
                received.add(packet.toByteArray());
            }
        };
        MinimalForwarder forwarder = new MinimalForwarder(publisherKeys.sfuSession(), subscriberSessions, sink);
        BrowserSender browser = new BrowserSender(SampleStream.AUDIO, publisherKeys.browserSession(), 160);

        PacketBuffer plain = new PacketBuffer();
        new BrowserSender(SampleStream.AUDIO, publisherKeys.browserSession(), 160).writePlain(plain, false);
        PacketBuffer srtp = new PacketBuffer();
        browser.writeProtected(srtp, false);

        assertTrue(forwarder.forward(srtp));
        assertEquals(2, sink.packets());
        for (int i = 0; i < 2; i++) {
            PacketBuffer copy = new PacketBuffer().copyFrom(received.get(i), 0, received.get(i).length);
            assertTrue(receivers.get(i).unprotectRtp(copy), "subscriber " + i + " decrypts with its own keys");
            assertArrayEquals(plain.toByteArray(), copy.toByteArray());
        }
        PacketBuffer wrongKeys = new PacketBuffer().copyFrom(received.get(0), 0, received.get(0).length);
        assertFalse(receivers.get(1).unprotectRtp(wrongKeys), "another subscriber's keys do not decrypt it");
    }

    @Test
    void aReplayedPacketIsNotForwarded() {
        SrtpKeys keys = new SrtpKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, 1);
        PacketSink sink = new PacketSink();
        MinimalForwarder forwarder = new MinimalForwarder(keys.sfuSession(),
                List.of(new SrtpKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, 2).sfuSession()), sink);
        BrowserSender browser = new BrowserSender(SampleStream.VIDEO, keys.browserSession(), 1200);
        PacketBuffer srtp = new PacketBuffer();
        browser.writeProtected(srtp, true);
        byte[] wire = srtp.toByteArray();

        assertTrue(forwarder.forward(srtp));
        assertFalse(forwarder.forward(PacketBuffer.wrap(wire, 0, wire.length)));
        assertEquals(1, sink.packets());
    }
}
