package dev.sfu.media.ortc;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks RTP parameters a client sends (to produce) before anything uses them, and says exactly what is wrong,
 * naming the offending field like "rtpParameters.encodings[1]".
 */
final class RtpParametersValidator {

    private static final long MAX_SSRC = 0xFFFF_FFFFL;
    /** RFC 8830 msid: a stream id and an optional track id, printable tokens (they end up in SDP). */
    private static final Pattern MSID = Pattern.compile("[\\x21-\\x7e]{1,64}( [\\x21-\\x7e]{1,64})?");

    private RtpParametersValidator() {
    }

    static void validate(RtpParameters params) {
        if (params == null) throw new OrtcException("rtpParameters are missing");
        if (params.codecs() == null || params.codecs().isEmpty()) {
            throw new OrtcException("rtpParameters.codecs must list at least one codec");
        }
        validateCodecs(params.codecs());
        validateHeaderExtensions(params.headerExtensions());
        validateEncodings(params.encodings(), params.codecs());
        if (params.msid() != null && !MSID.matcher(params.msid()).matches()) {
            throw new OrtcException("rtpParameters.msid '" + params.msid() + "' is not \"streamId [trackId]\"");
        }
    }

    /** As {@link #validate(RtpParameters)}, and every codec must be of {@code kind}. */
    static void validate(MediaKind kind, RtpParameters params) {
        if (kind == null) throw new OrtcException("kind is missing");
        validate(params);
        MediaKind codecKind = CodecMime.kindOf(params.codecs().get(0).mimeType()).orElseThrow();
        if (codecKind != kind) {
            throw new OrtcException("rtpParameters.codecs are " + codecKind.wireName() + " but kind is "
                    + kind.wireName());
        }
    }

    private static void validateCodecs(List<RtpCodecParameters> codecs) {
        Set<Integer> payloadTypes = new HashSet<>();
        MediaKind kind = null;
        boolean hasMediaCodec = false;
        for (int i = 0; i < codecs.size(); i++) {
            String where = "rtpParameters.codecs[" + i + "]";
            RtpCodecParameters codec = codecs.get(i);
            if (codec == null) throw new OrtcException(where + " is null");
            if (codec.mimeType() == null || codec.mimeType().isBlank()) {
                throw new OrtcException(where + ".mimeType is missing");
            }
            MediaKind codecKind = CodecMime.kindOf(codec.mimeType()).orElseThrow(() -> new OrtcException(
                    where + ".mimeType '" + codec.mimeType() + "' is not of the form audio/x or video/x"));
            if (kind != null && codecKind != kind) {
                throw new OrtcException("rtpParameters.codecs mix audio and video (" + codec.mimeType() + ")");
            }
            kind = codecKind;
            checkPayloadType(codec.payloadType(), where + ".payloadType");
            if (!payloadTypes.add(codec.payloadType())) {
                throw new OrtcException(where + ": payloadType " + codec.payloadType() + " is used twice");
            }
            if (codec.clockRate() <= 0) {
                throw new OrtcException(where + ".clockRate must be positive (got " + codec.clockRate() + ")");
            }
            if (codec.channels() != null && codec.channels() <= 0) {
                throw new OrtcException(where + ".channels must be positive (got " + codec.channels() + ")");
            }
            checkParameterValues(codec.parameters(), where + ".parameters");
            checkFeedback(codec.rtcpFeedback(), where + ".rtcpFeedback");
            if (CodecMime.isRtx(codec.mimeType())) {
                checkApt(codec.parameters(), where);
            } else {
                hasMediaCodec = true;
            }
        }
        if (!hasMediaCodec) throw new OrtcException("rtpParameters.codecs has only RTX codecs, no media codec");
        for (RtpCodecParameters codec : codecs) {
            if (!CodecMime.isRtx(codec.mimeType())) continue;
            int apt = CodecParameters.integer(codec.parameters(), "apt").orElseThrow();
            boolean pointsToMedia = codecs.stream()
                    .anyMatch(c -> c.payloadType() == apt && !CodecMime.isRtx(c.mimeType()));
            if (!pointsToMedia) {
                throw new OrtcException("rtpParameters.codecs: RTX payloadType " + codec.payloadType()
                        + " has apt=" + apt + ", which is not a media codec in the list");
            }
        }
    }

    private static void validateHeaderExtensions(List<RtpHeaderExtensionParameters> extensions) {
        if (extensions == null) return;
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < extensions.size(); i++) {
            String where = "rtpParameters.headerExtensions[" + i + "]";
            RtpHeaderExtensionParameters ext = extensions.get(i);
            if (ext == null) throw new OrtcException(where + " is null");
            if (ext.uri() == null || ext.uri().isBlank()) throw new OrtcException(where + ".uri is missing");
            checkExtensionId(ext.id(), where + ".id");
            if (!ids.add(ext.id())) throw new OrtcException(where + ": id " + ext.id() + " is used twice");
            checkParameterValues(ext.parameters(), where + ".parameters");
        }
    }

    private static void validateEncodings(List<RtpEncodingParameters> encodings, List<RtpCodecParameters> codecs) {
        if (encodings == null) return;
        Set<Long> ssrcs = new HashSet<>();
        Set<String> rids = new HashSet<>();
        int withRid = 0;
        for (int i = 0; i < encodings.size(); i++) {
            String where = "rtpParameters.encodings[" + i + "]";
            RtpEncodingParameters encoding = encodings.get(i);
            if (encoding == null) throw new OrtcException(where + " is null");
            if (encoding.ssrc() == null && (encoding.rid() == null || encoding.rid().isBlank())) {
                throw new OrtcException(where + " has neither ssrc nor rid");
            }
            if (encoding.ssrc() != null) {
                checkSsrc(encoding.ssrc(), where + ".ssrc");
                if (!ssrcs.add(encoding.ssrc())) {
                    throw new OrtcException(where + ": ssrc " + encoding.ssrc() + " is used twice");
                }
            }
            if (encoding.rid() != null) {
                if (encoding.rid().isBlank()) throw new OrtcException(where + ".rid is blank");
                if (!rids.add(encoding.rid())) {
                    throw new OrtcException(where + ": rid '" + encoding.rid() + "' is used twice");
                }
                withRid++;
            }
            if (encoding.rtx() != null) {
                checkSsrc(encoding.rtx().ssrc(), where + ".rtx.ssrc");
                if (!ssrcs.add(encoding.rtx().ssrc())) {
                    throw new OrtcException(where + ": rtx ssrc " + encoding.rtx().ssrc() + " is used twice");
                }
            }
            Integer codecPt = encoding.codecPayloadType();
            if (codecPt != null && codecs.stream().noneMatch(c -> c.payloadType() == codecPt)) {
                throw new OrtcException(where + ".codecPayloadType " + codecPt + " is not in rtpParameters.codecs");
            }
            if (encoding.scalabilityMode() != null && ScalabilityMode.parse(encoding.scalabilityMode()).isEmpty()) {
                throw new OrtcException(where + ".scalabilityMode '" + encoding.scalabilityMode()
                        + "' is not a scalability mode like L1T3");
            }
            if (encoding.maxBitrate() != null && encoding.maxBitrate() <= 0) {
                throw new OrtcException(where + ".maxBitrate must be positive (got " + encoding.maxBitrate() + ")");
            }
        }
        if (withRid != 0 && withRid != encodings.size()) {
            throw new OrtcException("rtpParameters.encodings: either all encodings have a rid or none has");
        }
    }

    static void checkPayloadType(int payloadType, String where) {
        if (payloadType < 0 || payloadType > 127) {
            throw new OrtcException(where + " must be 0..127 (got " + payloadType + ")");
        }
    }

    static void checkExtensionId(int id, String where) {
        if (id < 1 || id > 255) throw new OrtcException(where + " must be 1..255 (got " + id + ")");
    }

    static void checkSsrc(long ssrc, String where) {
        if (ssrc < 0 || ssrc > MAX_SSRC) throw new OrtcException(where + " must be a 32-bit unsigned value (got " + ssrc + ")");
    }

    /** fmtp values are numbers or strings; nested objects or lists cannot be put in SDP. */
    static void checkParameterValues(Map<String, Object> parameters, String where) {
        if (parameters == null) return;
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            Object value = e.getValue();
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new OrtcException(where + "['" + e.getKey() + "'] must be a number or a string");
            }
        }
    }

    static void checkApt(Map<String, Object> parameters, String where) {
        Optional<Integer> apt = CodecParameters.integer(parameters, "apt");
        if (apt.isEmpty()) throw new OrtcException(where + ": RTX codec without a numeric 'apt' parameter");
        checkPayloadType(apt.get(), where + ".parameters.apt");
    }

    static void checkFeedback(List<RtcpFeedback> feedback, String where) {
        if (feedback == null) return;
        for (int i = 0; i < feedback.size(); i++) {
            RtcpFeedback fb = feedback.get(i);
            if (fb == null || fb.type() == null || fb.type().isBlank()) {
                throw new OrtcException(where + "[" + i + "].type is missing");
            }
        }
    }
}
