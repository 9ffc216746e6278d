package org.tandem.web;

import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;

import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;

/**
 * Entity tags: a strong tag of the exact JSON a representation is sent as (the first 16 bytes of its SHA-256,
 * base64url), so the tag changes whenever the representation does, and only then. GET responses are tagged
 * where they are sent (org.tandem.cache.HttpCaching); a write's response is tagged when built with {@link #ok}
 * or {@link #created}, so the client can send it back in the next If-Match.
 */
public final class Versions {

    /**
     * Stands in a response's ETag header until the response's JSON is written and its tag known: set by
     * {@link #ok} and {@link #created}, replaced (or removed) before the response goes out.
     */
    public static final Object TAG_ON_SENDING = new Object() {
        @Override
        public String toString() {
            return "\"pending\"";
        }
    };

    private Versions() {
    }

    /** A JSON representation as sent, with its tag. */
    public record Tagged(byte[] json, EntityTag tag) {

        /** The header value: the quoted tag. */
        public String header() {
            return '"' + tag.getValue() + '"';
        }
    }

    public static <T> RestResponse<T> ok(T body) {
        return RestResponse.ResponseBuilder.ok(body).header(HttpHeaders.ETAG, TAG_ON_SENDING).build();
    }

    public static <T> RestResponse<T> created(URI location, T body) {
        return RestResponse.ResponseBuilder.<T> created(location).entity(body).header(HttpHeaders.ETAG, TAG_ON_SENDING)
                .build();
    }

    /** {@code representation} written as the JSON writer writes it, with its tag. */
    public static Tagged tagged(Object representation) {
        try {
            return tagged(mapper().writeValueAsBytes(representation));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tag of JSON as sent. */
    public static Tagged tagged(byte[] json) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(json);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        return new Tagged(json, new EntityTag(value));
    }

    /**
     * Refuses the write with 412 when the request carries an If-Match that names neither the current
     * representation's tag (as a GET would send it) nor {@code *}. The representation is only built when the
     * request carries an If-Match; it must be the very view the resource's GET answers.
     */
    public static void checkIfMatch(Request request, Supplier<?> currentRepresentation) {
        if (request.evaluatePreconditions() == null) {
            return; // no If-Match
        }
        Tagged current = tagged(currentRepresentation.get());
        if (request.evaluatePreconditions(current.tag()) != null) {
            throw ProblemException.preconditionFailed("If-Match does not match the current representation (ETag "
                    + current.header() + "); fetch it again");
        }
    }

    /** The application's mapper, the one the JSON writer uses: the same value gives the same bytes. */
    private static ObjectMapper mapper() {
        return Arc.container().instance(ObjectMapper.class).get();
    }
}
