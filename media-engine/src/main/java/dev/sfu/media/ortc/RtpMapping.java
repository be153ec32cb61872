package dev.sfu.media.ortc;

import java.util.List;

/**
 * How a producer's stream is renamed inside the router: its payload types become the router's, and each of its
 * encodings gets a router-side SSRC that consumers' streams are keyed by.
 */
public record RtpMapping(List<CodecMapping> codecs, List<EncodingMapping> encodings) {

    public RtpMapping {
        codecs = List.copyOf(codecs);
        encodings = List.copyOf(encodings);
    }

    /** The producer's payload type and the router payload type it maps to. */
    public record CodecMapping(int payloadType, int mappedPayloadType) {
    }

    /** One producer encoding (identified by ssrc or rid) and the SSRC the router uses for it. */
    public record EncodingMapping(Long ssrc, String rid, String scalabilityMode, long mappedSsrc) {
    }
}
