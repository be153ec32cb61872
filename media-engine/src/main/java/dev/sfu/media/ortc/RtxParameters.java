package dev.sfu.media.ortc;

/** The RTX stream paired with an encoding. */
public record RtxParameters(long ssrc) {
}
