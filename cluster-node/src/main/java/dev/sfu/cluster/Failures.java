package dev.sfu.cluster;

import java.net.BindException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns the exceptions of a failed startup into messages that name the port. */
final class Failures {
    private Failures() {
    }

    static CompletionException bindFailed(String what, String host, int port, Throwable failure) {
        Throwable cause = unwrap(failure);
        String reason = hasCause(cause, BindException.class) ? "is already in use or cannot be bound" : "cannot be bound";
        return new CompletionException(new StartupException(
                what + " port " + port + " on " + host + " " + reason + " (" + cause.getMessage() + ")", cause));
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
