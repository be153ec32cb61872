package dev.sfu.media.ortc;

/**
 * One encoding (one simulcast layer, or the only stream). Either {@code ssrc} or {@code rid} identifies it;
 * unset fields are null.
 */
public record RtpEncodingParameters(
        Long ssrc,
        String rid,
        Integer codecPayloadType,
        RtxParameters rtx,
        Boolean dtx,
        String scalabilityMode,
        Integer maxBitrate) {
}
