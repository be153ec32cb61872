package dev.sfu.signaling;

import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;

/**
 * The answer to a request too malformed to reach the routes (a garbled request line, a header over its limit,
 * a bad Content-Length): the same {@code {"error": ...}} JSON as every other error instead of Pekko's plain text.
 * Set as {@code pekko.http.server.parsing.error-handler} in application.conf.
 */
public final class JsonParsingErrorHandler extends ParsingErrorHandler {

    @Override
    public HttpResponse handle(StatusCode status, ErrorInfo error, LoggingAdapter log, ServerSettings settings) {
        log.debug("refused a malformed request ({}): {}", status.intValue(), error.formatPretty());
        return JsonResponses.error(status, "malformed request: " + error.summary());
    }
}
