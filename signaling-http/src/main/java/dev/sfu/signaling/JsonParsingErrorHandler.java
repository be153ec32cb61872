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
 * Set as {@code pekko.http.server.parsing.error-handler} in application.conf. Whatever the parser says (it may
 * pick 505 for an unknown protocol version), a request it cannot parse is the client's fault: 4xx, never 5xx.
 */
public final class JsonParsingErrorHandler extends ParsingErrorHandler {

    @Override
    public HttpResponse handle(StatusCode status, ErrorInfo error, LoggingAdapter log, ServerSettings settings) {
        log.debug("refused a malformed request ({}): {}", status.intValue(), error.formatPretty());
        int code = status.intValue() >= 500 ? 400 : status.intValue();
        return JsonResponses.error(code, "malformed request: " + error.summary());
    }
}
