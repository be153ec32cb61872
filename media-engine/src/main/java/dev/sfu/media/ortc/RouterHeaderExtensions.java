package dev.sfu.media.ortc;

import static dev.sfu.media.ortc.HeaderExtensionUris.*;

import java.util.List;

/**
 * The header extensions a router offers. Ids follow Chrome's own defaults so a browser rarely has to renumber;
 * directions are the router's view: "recvonly" extensions (rid, repaired rid, audio transport-cc) are read
 * from producers but never sent to consumers.
 */
final class RouterHeaderExtensions {

    private static final List<RtpHeaderExtensionCapability> ALL = List.of(
            ext("audio", SSRC_AUDIO_LEVEL, 1, "sendrecv"),
            ext("audio", ABS_SEND_TIME, 2, "sendrecv"),
            ext("video", ABS_SEND_TIME, 2, "sendrecv"),
            ext("audio", TRANSPORT_WIDE_CC, 3, "recvonly"),
            ext("video", TRANSPORT_WIDE_CC, 3, "sendrecv"),
            ext("audio", MID, 4, "sendrecv"),
            ext("video", MID, 4, "sendrecv"),
            ext("video", RTP_STREAM_ID, 10, "recvonly"),
            ext("video", REPAIRED_RTP_STREAM_ID, 11, "recvonly"),
            ext("video", VIDEO_ORIENTATION, 13, "sendrecv"));

    private RouterHeaderExtensions() {
    }

    static List<RtpHeaderExtensionCapability> all() {
        return ALL;
    }

    private static RtpHeaderExtensionCapability ext(String kind, String uri, int id, String direction) {
        return new RtpHeaderExtensionCapability(kind, uri, id, false, direction);
    }
}
