package org.tandem.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpServerRequest;

/**
 * Who is making the current request, for the history of changes. Until authentication exists this is the
 * optional {@code X-Actor} request header, or "anonymous"; the authentication issue replaces it with the
 * authenticated user.
 */
@RequestScoped
public class Actor {

    static final String HEADER = "X-Actor";
    private static final int MAX_LENGTH = 100;

    @Inject
    HttpServerRequest request;

    public String name() {
        String name = request.getHeader(HEADER);
        if (name == null || name.isBlank()) {
            return "anonymous";
        }
        name = name.strip();
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
    }
}
