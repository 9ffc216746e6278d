package org.tandem.web;

import java.net.URI;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.problem.ProblemException;

/** ETags from entity versions, and the If-Match check every write of a single resource makes. */
public final class Versions {

    private Versions() {
    }

    public static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(tag(version)).build();
    }

    public static <T> RestResponse<T> created(URI location, T body, long version) {
        return RestResponse.ResponseBuilder.<T> created(location).entity(body).tag(tag(version)).build();
    }

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Refuses the write with 412 when the request carries an If-Match that is not the current version. */
    public static void checkIfMatch(Request request, long currentVersion) {
        Response.ResponseBuilder failed = request.evaluatePreconditions(tag(currentVersion));
        if (failed != null) {
            throw ProblemException.preconditionFailed(
                    "If-Match does not match the current version (ETag \"" + currentVersion + "\"); fetch it again");
        }
    }
}
