package dev.sfu.media.testing;

import dev.sfu.media.packet.PacketBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads packet fixtures kept as commented hex under {@code src/test/resources/packets/}. */
public final class PacketFixtures {
    private PacketFixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = PacketFixtures.class.getResourceAsStream("/packets/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return hex(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh buffer (with spare capacity) holding the fixture. */
    public static PacketBuffer buffer(String name) {
        byte[] b = bytes(name);
        return new PacketBuffer().copyFrom(b, 0, b.length);
    }

    /** Parses hex digits, ignoring whitespace and {@code #} comments to the end of the line. */
    public static byte[] hex(String text) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            digits.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s", ""));
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
