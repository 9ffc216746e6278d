package org.tandem.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tandem.problem.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What is wrong with a request before any resource sees it is answered with problem+json like every other error: a
 * request line longer than {@code tandem.http.max-request-line} (414), headers larger than
 * {@code tandem.http.max-header-size} (431), and a body sent without a Content-Type (415; the REST layer would take
 * it for JSON); and a query parameter holding a NUL (400), as a JSON string may not. Vert.x itself answers 414 and 431 with no
 * body at all, and offers no hook for it under Quarkus, so its
 * own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set well above these:
 * only a request past those still gets Vert.x's bare answer.
 */
@ApplicationScoped
public class RequestLimits {

    private static final String NO_NUL = "must not contain NUL characters";
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @ConfigProperty(name = "tandem.http.max-request-line", defaultValue = "4096")
    int maxRequestLine;
    @ConfigProperty(name = "tandem.http.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;
    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long headerLimit = maxHeaderSize.asLongValue();
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(context -> {
            HttpServerRequest request = context.request();
            if (requestLine(request) > maxRequestLine) {
                refuse(context, 414, "uri-too-long", "URI too long",
                        "the request line is longer than " + maxRequestLine + " characters");
            } else if (headerSize(request) > headerLimit) {
                refuse(context, 431, "headers-too-large", "Request header fields too large",
                        "the request's headers are larger than " + headerLimit + " bytes");
            } else if (WITH_BODY.contains(request.method()) && hasBody(request)
                    && request.getHeader(HttpHeaderNames.CONTENT_TYPE) == null) {
                refuse(context, 415, "unsupported-media-type", "Unsupported media type",
                        "send the body with Content-Type: application/json");
            } else {
                String nul = parameterWithNul(context);
                if (nul == null) {
                    context.next();
                } else {
                    refuse(context, 400, "validation", "Invalid request", nul + ": " + NO_NUL,
                            List.of(new Problem.FieldError(nul, NO_NUL)));
                }
            }
        });
    }

    /** The first query parameter whose value holds a NUL, which no text of the service may, or null. */
    private static String parameterWithNul(RoutingContext context) {
        String query = context.request().query();
        if (query == null || !query.toLowerCase(Locale.ROOT).contains("%00") && query.indexOf('\0') < 0) {
            return null;
        }
        try {
            for (Map.Entry<String, String> parameter : context.queryParams()) {
                if (parameter.getValue().indexOf('\0') >= 0 || parameter.getKey().indexOf('\0') >= 0) {
                    return parameter.getKey().replace("\0", "");
                }
            }
        } catch (IllegalArgumentException malformed) {
            // Left to the REST layer, which answers a malformed query as it always has.
        }
        return null;
    }

    /** As HTTP/1.1 counts it: method, target and version, without the line's end. */
    private static int requestLine(HttpServerRequest request) {
        return request.method().name().length() + 1 + request.uri().length() + 1 + "HTTP/1.1".length();
    }

    /** Every header line with its end, as sent. */
    private static long headerSize(HttpServerRequest request) {
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + 2 + header.getValue().length() + 2;
        }
        return size;
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeader(HttpHeaderNames.TRANSFER_ENCODING) != null;
    }

    private void refuse(RoutingContext context, int status, String code, String title, String detail) {
        refuse(context, status, code, title, detail, null);
    }

    private void refuse(RoutingContext context, int status, String code, String title, String detail,
            List<Problem.FieldError> errors) {
        Problem problem = new Problem("/problems/" + code, title, status, detail, context.request().path(), errors);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        // The body, if any, is not read: close the connection once the answer is out.
        context.response().setStatusCode(status).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CONNECTION, "close").end(body);
    }
}
