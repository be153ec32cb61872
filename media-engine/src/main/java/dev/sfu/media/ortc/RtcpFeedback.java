package dev.sfu.media.ortc;

/** One rtcp-fb entry, e.g. {@code {type: "nack", parameter: "pli"}}; parameter is "" when absent. */
public record RtcpFeedback(String type, String parameter) {
    public RtcpFeedback {
        parameter = parameter == null ? "" : parameter;
    }
}
