package org.tandem.audit;

import java.util.UUID;
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

    /** The current request's id. */
    @RequestScoped
    public static class Current {
        String id;
    }

    @Inject
    Current current;

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        current.id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        if (current.id != null) {
            response.getHeaders().putSingle(HEADER, current.id);
        }
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return Arc.container().instance(Current.class).get().id;
    }
}
