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
 * A body announced (Content-Length) as larger than its limit (below) is refused with a 413
 * problem before it is read; a body of unknown length (chunked, or HTTP/2) is read here, up to the limit, and refused the
 * same way once it goes over. Quarkus's own checks, a step later, would answer 413 with no body at all.
 * <p>
 * The limit is {@code tandem.http.max-body-size}, but for uploads of spreadsheets ({@code /api/v1/imports}), whose
 * limit is {@code tandem.import.max-size}; Quarkus's own {@code quarkus.http.limits.max-body-size} must be at least
 * the larger of the two.
 * <p>
 * Uploads of evidence documents (a POST under {@code /api/v1/documents}) stream: one announced as larger than
 * {@code tandem.document.max-size} is refused here, and one of unknown length is passed on unread, for the
 * document store counts it as it goes and refuses it (storing nothing) past the limit. Quarkus's own limit must be at
 * least that limit too.
 */
@ApplicationScoped
public class BodyLimit {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    /** The path of spreadsheet uploads, which have a limit of their own. */
    public static final String IMPORTS = "/api/v1/imports";
    /** The path of evidence documents, whose uploads stream and have a limit of their own. */
    public static final String DOCUMENTS = "/api/v1/documents";

    @ConfigProperty(name = "tandem.http.max-body-size")
    MemorySize maxBodySize;
    @ConfigProperty(name = "tandem.import.max-size", defaultValue = "10M")
    MemorySize maxImportSize;
    @ConfigProperty(name = "tandem.document.max-size", defaultValue = "50M")
    MemorySize maxDocumentSize;
    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long standard = maxBodySize.asLongValue();
        long uploads = maxImportSize.asLongValue();
        long documents = maxDocumentSize.asLongValue();
        BodyHandler chunkedStandard = BodyHandler.create(false).setBodyLimit(standard);
        BodyHandler chunkedUploads = BodyHandler.create(false).setBodyLimit(uploads);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            if (isDocumentUpload(context)) {
                String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
                if (length != null && isOver(length, documents)) {
                    refuse(context, documents);
                } else {
                    context.next();
                }
                return;
            }
            boolean upload = isUpload(context);
            long limit = upload ? uploads : standard;
            BodyHandler chunked = upload ? chunkedUploads : chunkedStandard;
            String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
            if (length != null) {
                if (isOver(length, limit)) {
                    refuse(context, limit);
                } else {
                    context.next();
                }
            } else if (upload && isMultipart(context)) {
                // A form upload is read by RESTEasy itself, which finds the body gone if it was read here first;
                // Quarkus holds it to quarkus.http.limits.max-body-size, answered by the failure handler below, and
                // the import refuses what is over its own limit. Forms elsewhere are read here, as any body.
                context.next();
            } else if (WITH_BODY.contains(context.request().method())) {
                // Read (at most the limit) here, where going over it can still be answered with a problem.
                chunked.handle(context);
            } else {
                context.next();
            }
        }).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context, isDocumentUpload(context) ? documents : isUpload(context) ? uploads : standard);
            } else {
                context.next();
            }
        });
    }

    private static boolean isMultipart(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaderNames.CONTENT_TYPE);
        return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    private static boolean isUpload(RoutingContext context) {
        String path = context.request().path();
        return path != null && (path.equals(IMPORTS) || path.startsWith(IMPORTS + "/"));
    }

    private static boolean isDocumentUpload(RoutingContext context) {
        String path = context.request().path();
        return context.request().method() == HttpMethod.POST && path != null
                && (path.equals(DOCUMENTS) || path.startsWith(DOCUMENTS + "/"));
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
