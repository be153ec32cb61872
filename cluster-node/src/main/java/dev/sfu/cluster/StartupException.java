package dev.sfu.cluster;

/** A member cannot start; the message says why in words an operator can act on (which port, which setting). */
public class StartupException extends Exception {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
