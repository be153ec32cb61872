package dev.sfu.media.stun;

/** The outcome of parsing a datagram as STUN: a message, or the reason it is not a valid one. */
public sealed interface StunParseResult {
    record Parsed(StunMessage message) implements StunParseResult {
    }

    record Malformed(String reason) implements StunParseResult {
    }
}
