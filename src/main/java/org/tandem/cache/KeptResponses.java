package org.tandem.cache;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tandem.audit.RequestIds;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Whole responses of kept reads, sent again without going through the REST layer.
 * <p>
 * Once a kept read ({@link ReadCache}) has been answered with 200, its response (headers and body) is
 * remembered under the request's exact {@code Authorization} header, path and query, and {@code Accept}
 * header. The same request again, while the data has not changed and the token has not expired, gets the
 * same response straight from the HTTP layer: the token check, the role check, parameter validation and the
 * REST layer's handlers would all decide as they did, since the token's text, the request and the data
 * (users and their roles included) are all the same. Only the request id is new. Anything else, and any
 * request the remembered one does not match exactly, goes the usual way.
 * <p>
 * A kept read answered from the REST layer costs two to three times the CPU of {@code /q/health/live}; most of
 * it is that layer's own work per request (security, validation, handler chain), which this skips.
 */
@ApplicationScoped
public class KeptResponses {

    /** Where the REST layer leaves a kept read's JSON for {@link #remember}, in the request's context. */
    private static final String PENDING = KeptResponses.class.getName();
    /** Request headers that may change a response in ways the key does not show: such requests go the usual way. */
    private static final Set<CharSequence> SPECIAL = Set.of(HttpHeaderNames.IF_NONE_MATCH, HttpHeaderNames.IF_MATCH,
            HttpHeaderNames.IF_MODIFIED_SINCE, HttpHeaderNames.IF_UNMODIFIED_SINCE, HttpHeaderNames.RANGE,
            HttpHeaderNames.ORIGIN, HttpHeaderNames.COOKIE);
    /** Response headers not sent again as they were: framing, and the request id, which is each request's own. */
    private static final Set<String> NOT_KEPT = Set.of(HttpHeaderNames.CONTENT_LENGTH.toString(),
            HttpHeaderNames.TRANSFER_ENCODING.toString(), HttpHeaderNames.CONNECTION.toString(),
            HttpHeaderNames.DATE.toString(), RequestIds.HEADER.toLowerCase(Locale.ROOT));

    private record Key(String authorization, String uri, String accept) {
    }

    private record Kept(long version, long usableUntilMillis, MultiMap headers, byte[] body) {
    }

    /** What the REST layer read: {@code json} at data {@code version}, for a token usable until then. */
    private record Pending(long version, long usableUntilMillis, byte[] json) {
    }

    @Inject
    DataVersion data;

    private final Cache<Key, Kept> kept;
    private final LongAdder sent = new LongAdder();

    /** @param maxBytes what the kept responses' bodies may take at most, counted once per response. */
    KeptResponses(@ConfigProperty(name = "tandem.read-cache.max-response-bytes", defaultValue = "64M") MemorySize maxBytes) {
        // A response goes when its token expires, not only when the bound pushes it out.
        kept = Caffeine.newBuilder().maximumWeight(maxBytes.asLongValue())
                .weigher((Key key, Kept response) -> response.body().length + key.authorization().length() + 256)
                .expireAfter(Expiry.<Key, Kept> creating((key, response) -> Duration
                        .ofMillis(Math.max(0, response.usableUntilMillis() - System.currentTimeMillis()))))
                .executor(Runnable::run).build();
    }

    void install(@Observes Router router) {
        // After the body-size check and compression, before the REST layer.
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).method(HttpMethod.GET).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        Key key = keyOf(request);
        if (key == null) {
            context.next();
            return;
        }
        long version = data.current();
        Kept response = version == DataVersion.UNKNOWN ? null : kept.getIfPresent(key);
        if (response != null && response.version() == version
                && System.currentTimeMillis() < response.usableUntilMillis()) {
            context.response().headers().addAll(response.headers())
                    .set(RequestIds.HEADER, RequestIds.idFor(request.getHeader(RequestIds.HEADER)));
            context.response().end(Buffer.buffer(response.body()));
            sent.increment();
            return;
        }
        // Taken before the REST layer checks the token and its user (authentication is not proactive): the
        // response is kept only if its data was read at this same version, see remember.
        context.addHeadersEndHandler(ignored -> remember(context, key, version));
        context.next();
    }

    /** The key of a request that may be answered with a kept response, or null. */
    private static Key keyOf(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || !request.path().startsWith("/api/")) {
            return null;
        }
        for (CharSequence header : SPECIAL) {
            if (request.headers().contains(header)) {
                return null;
            }
        }
        return new Key(authorization, request.uri(), request.getHeader(HttpHeaderNames.ACCEPT));
    }

    /** Called by the REST layer as it sends a kept read's JSON, read at data {@code version}. */
    void sending(RoutingContext context, long version, byte[] json, JsonWebToken token) {
        if (context != null && token != null && token.getExpirationTime() > 0) {
            context.put(PENDING, new Pending(version, token.getExpirationTime() * 1000, json));
        }
    }

    /**
     * Keeps the response of a kept read if the data it was read at is the data the request's user was checked
     * against: {@code checkedAt}, the data version taken before the check. A read whose user was checked just before a
     * change (a disable, a demotion) and whose data was read just after it would otherwise be kept under the new
     * version, and sent again to a token that change refuses.
     */
    private void remember(RoutingContext context, Key key, long checkedAt) {
        Pending pending = context.get(PENDING);
        if (pending == null || checkedAt == DataVersion.UNKNOWN || pending.version() != checkedAt
                || context.response().getStatusCode() != 200
                || context.response().headers().contains(HttpHeaderNames.SET_COOKIE)) {
            return;
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        context.response().headers().forEach(header -> {
            if (!NOT_KEPT.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        kept.put(key, new Kept(pending.version(), pending.usableUntilMillis(), headers, pending.json()));
    }

    /** How many responses were sent from here: for tests. */
    public long sent() {
        return sent.sum();
    }
}
