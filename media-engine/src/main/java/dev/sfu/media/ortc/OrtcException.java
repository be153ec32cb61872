package dev.sfu.media.ortc;

/**
 * RTP parameters or capabilities that cannot be accepted; the message names the problem in words a client
 * developer understands (it goes back to the client as the HTTP error).
 */
public final class OrtcException extends RuntimeException {
    public OrtcException(String message) {
        super(message);
    }
}
