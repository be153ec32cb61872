package dev.sfu.media.net;

/** The media UDP socket could not be opened; the message names the address. */
public final class MediaSocketException extends RuntimeException {
    public MediaSocketException(String message, Throwable cause) {
        super(message, cause);
    }
}
