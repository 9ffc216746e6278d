package org.tandem.web;

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
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A body announced (Content-Length) as larger than {@code quarkus.http.limits.max-body-size} is refused with a 413
 * problem before it is read; a body of unknown length (chunked, or HTTP/2) is read here, up to the limit, and refused the
 * same way once it goes over. Quarkus's own checks, a step later, would answer 413 with no body at all.
 */
@ApplicationScoped
public class BodyLimit {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;
    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
            if (length != null) {
                if (isOver(length, limit)) {
                    refuse(context, limit);
                } else {
                    context.next();
                }
            } else if (WITH_BODY.contains(context.request().method())) {
                // Read (at most the limit) here, where going over it can still be answered with a problem.
                chunked.handle(context);
            } else {
                context.next();
            }
        }).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context, limit);
            } else {
                context.next();
            }
        });
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void refuse(RoutingContext context, long limit) {
        Problem problem = new Problem("/problems/too-large", "Payload too large", 413, tooLarge(limit),
                context.request().path(), null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":413}";
        }
        // The rest of the body is not read: close the connection once the answer is out.
        context.response().setStatusCode(413).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CONNECTION, "close").end(body);
    }

    /** The detail of every 413 the service sends. */
    public static String tooLarge(long limit) {
        return "the body is larger than the limit of " + limit + " bytes";
    }
}
