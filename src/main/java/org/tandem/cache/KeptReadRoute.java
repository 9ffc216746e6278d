package org.tandem.cache;

import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.tandem.web.RequestIds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends a kept read ({@link ReadCache}) again once the request has been authenticated, without the REST layer.
 * <p>
 * A kept read is named by its path and query and by the caller's rights (roles and county), and it exists only
 * because the endpoint answered it: the endpoint's role check, its county-scope check and its parameter checks
 * all passed for a caller with these rights, at this data version (users and their roles included), and it
 * answered a plain 200. For the same path and query, the same rights and the same data, those checks decide
 * the same way, so the answer is the same. This route therefore authenticates the request the way the REST layer
 * would (the token is checked and its user read again: a disabled user, an expired token or a changed role
 * count at once), works out the caller's rights, and sends the kept read if there is one under that name,
 * with the same headers the REST layer sent and a 304 for a matching {@code If-None-Match}. Anything else goes
 * on to the REST layer unchanged: no token, a token refused (the REST layer answers it as usual), another
 * {@code Accept} than JSON, a {@code Range}, a read not kept, stale, or never sent as a plain 200.
 * <p>
 * Why it exists: a kept read answered by the REST layer costs two to three times the CPU of
 * {@code /q/health/live}, most of it that layer's own work per request (handler chain, security interceptors,
 * parameter validation, filters); see the README's Performance.
 */
@ApplicationScoped
public class KeptReadRoute {

    /** Response headers a kept read is sent with (lower case); a response with any other is not sent from here. */
    static final Set<String> SENT_HEADERS = Set.of("content-type", "etag", "cache-control",
            RequestIds.HEADER.toLowerCase(java.util.Locale.ROOT));
    /** Where the REST layer puts the route template of the request, which the request metrics are tagged by. */
    private static final String ROUTE_TEMPLATE = "UrlPathTemplate";

    @Inject
    ReadCache reads;
    @Inject
    ReadCacheMetrics readMetrics;

    private final Counter sent;

    KeptReadRoute(MeterRegistry metrics) {
        sent = Counter.builder("tandem.reads.kept.early")
                .description("Kept reads sent right after authentication, without the REST layer").register(metrics);
    }

    void install(@Observes Router router) {
        // After CORS, the request limits, authentication's set-up and the HTTP permission checks; before the REST layer.
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).method(HttpMethod.GET).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (authenticator == null || !eligible(context.request())) {
            context.next();
            return;
        }
        Context vertx = Vertx.currentContext();
        authenticator.attemptAuthentication(context).subscribe().with(
                identity -> onRequestContext(vertx, () -> authenticated(context, identity)),
                failure -> onRequestContext(vertx, () -> refused(context, failure)));
    }

    /**
     * A token refused: the REST layer answers it as it answers every other failure, from the outcome already known
     * (the token is not checked, nor its refusal logged, twice). As Quarkus's own deferred identity does, the
     * failure is handed to the failure handler in place when the REST layer asks for the identity.
     */
    private static void refused(RoutingContext context, Throwable failure) {
        Uni<SecurityIdentity> known = Uni.createFrom().<SecurityIdentity> failure(failure).onFailure().invoke(f -> {
            BiConsumer<RoutingContext, Throwable> handler = context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
            if (handler != null) {
                handler.accept(context, f);
            }
        }).memoize().indefinitely();
        context.put(QuarkusHttpUser.DEFERRED_IDENTITY_KEY, known);
        context.next();
    }

    /** Runs {@code step} on the request's event loop (authentication may end on a worker thread). */
    private static void onRequestContext(Context vertx, Runnable step) {
        if (vertx == null || Context.isOnEventLoopThread()) {
            step.run();
        } else {
            vertx.runOnContext(ignored -> step.run());
        }
    }

    /** A GET under /api/ with a bearer token, whole. */
    private static boolean eligible(HttpServerRequest request) {
        if (!request.path().startsWith("/api/") || request.headers().contains(HttpHeaderNames.RANGE)) {
            return false;
        }
        String authorization = request.getHeader(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return true;
    }

    /**
     * Whether the REST layer would send {@code kept} for a request with this {@code Accept}: one that asks for
     * anything or for JSON, or exactly what the request it was sent for asked.
     */
    private static boolean accepts(String accept, ReadCache.Sent kept) {
        return accept == null || accept.equals("*/*") || accept.equalsIgnoreCase("application/json")
                || accept.equals(kept.accept());
    }

    private void authenticated(RoutingContext context, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            context.next();
            return;
        }
        // The REST layer uses this identity if the request goes on to it: it is not authenticated twice.
        QuarkusHttpUser.setIdentity(identity, context);
        HttpServerRequest request = context.request();
        ReadCache.Sent kept = reads.sent(ReadCache.keyOf(request.uri(), identity));
        if (kept == null || request.headers().getAll(HttpHeaderNames.ACCEPT).size() > 1
                || !accepts(request.getHeader(HttpHeaderNames.ACCEPT), kept)) {
            context.next();
            return;
        }
        if (kept.routeTemplate() != null && request instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(ROUTE_TEMPLATE, kept.routeTemplate());
        }
        HttpServerResponse response = context.response();
        response.putHeader(HttpHeaderNames.ETAG, kept.json().header())
                .putHeader(HttpHeaderNames.CACHE_CONTROL, HttpCaching.CACHE_CONTROL)
                .putHeader(RequestIds.HEADER, RequestIds.idFor(request.getHeader(RequestIds.HEADER)));
        sent.increment();
        readMetrics.ofTemplate(kept.routeTemplate()).hits().increment();
        if (HttpCaching.noneMatch(request.headers().getAll(HttpHeaderNames.IF_NONE_MATCH), kept.json())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaderNames.CONTENT_TYPE, kept.contentType());
        response.end(Buffer.buffer(kept.json().json()));
    }

    /** The route template of the current request as the REST layer set it, or null. */
    static String routeTemplate() {
        Context vertx = Vertx.currentContext();
        return vertx == null ? null : vertx.getLocal(ROUTE_TEMPLATE);
    }
}
