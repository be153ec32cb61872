package dev.sfu.media.ortc;

import java.util.Locale;

/** A producer's (and its consumers') stream type as mediasoup reports it: one encoding or several. */
public enum RtpStreamType {
    SIMPLE, SIMULCAST;

    /** "simple" or "simulcast". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RtpStreamType of(RtpParameters params) {
        return params.encodings() != null && params.encodings().size() > 1 ? SIMULCAST : SIMPLE;
    }
}
