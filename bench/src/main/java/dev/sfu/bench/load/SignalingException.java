package dev.sfu.bench.load;

/** A signaling request that failed: the HTTP status (0 when no answer) and the server's {@code error} text. */
public final class SignalingException extends RuntimeException {
    private final int status;

    SignalingException(String request, int status, String error) {
        super(request + " -> " + (status == 0 ? "no answer" : "HTTP " + status) + ": " + error);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
