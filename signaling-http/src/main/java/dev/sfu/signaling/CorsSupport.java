package dev.sfu.signaling;

import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

import java.util.List;

/**
 * CORS for the API: any origin may call it, because the dashboard of one member calls other members' APIs
 * directly for node-pinned actions. No credentials are involved, so "*" is enough.
 */
final class CorsSupport extends AllDirectives {
    static final List<HttpHeader> RESPONSE_HEADERS = List.of(RawHeader.create("Access-Control-Allow-Origin", "*"));

    private static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    private static final String DEFAULT_ALLOWED_HEADERS = "Content-Type";

    /** Answers any OPTIONS request as a preflight; other methods pass through untouched. */
    Route preflight() {
        return extractRequest(request -> {
            if (!request.method().equals(HttpMethods.OPTIONS)) {
                return reject();
            }
            String requestedHeaders = request.getHeader("Access-Control-Request-Headers")
                    .map(HttpHeader::value).orElse(DEFAULT_ALLOWED_HEADERS);
            return complete(HttpResponse.create()
                    .withStatus(StatusCodes.NO_CONTENT)
                    .addHeader(RawHeader.create("Access-Control-Allow-Methods", ALLOWED_METHODS))
                    .addHeader(RawHeader.create("Access-Control-Allow-Headers", requestedHeaders))
                    .addHeader(RawHeader.create("Access-Control-Max-Age", "600")));
        });
    }
}
