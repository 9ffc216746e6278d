package org.tandem.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.arc.Arc;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it looks sane, else a new one. It is sent
 * back and stored with each audit event the request causes.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * The current request's id. Only ever read and written through its methods: {@code current} is a client
     * proxy, one object shared by every request, and a field of it would be one id for all requests at once.
     */
    @RequestScoped
    public static class Current {
        private String id;

        String id() {
            return id;
        }

        void id(String id) {
            this.id = id;
        }
    }

    @Inject
    Current current;

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        current.id(idFor(request.getHeaderString(HEADER)));
    }

    /** The id of a request that came with {@code given} as its {@code X-Request-Id} (or none: null). */
    public static String idFor(String given) {
        return given != null && SANE.matcher(given).matches() ? given : newId();
    }

    /**
     * A random (version 4) UUID. The id traces a request, it guards nothing: drawn from a per-thread generator
     * rather than {@link UUID#randomUUID()}'s shared SecureRandom, which every request thread queued on.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        String id = current.id();
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return Arc.container().instance(Current.class).get().id();
    }
}
