package org.tandem.cache;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.tandem.web.Versions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP caching as the standard has it, for every read under {@code /api/}: each successful JSON response to a
 * GET carries a strong {@code ETag} made of the exact bytes sent ({@link Versions#tagged}), and
 * {@code Cache-Control: private, no-cache}, since what is sent depends on who asks; a GET whose
 * {@code If-None-Match} names the tag gets 304 with no body. A write's response built with {@link Versions#ok}
 * or {@link Versions#created} carries the tag of the representation it sends.
 * <p>
 * A response filter: it runs once the resource method has answered, so after authentication and authorization
 * have run for the request; nothing is answered here that the request was not allowed to see. The JSON is
 * written here, once, and sent as those bytes; a kept read's ({@link ReadCache}) JSON and tag are
 * written once for every response that sends it, and a 304 to a kept read costs a comparison.
 */
@ApplicationScoped
public class HttpCaching {

    static final String CACHE_CONTROL = "private, no-cache";
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    @Inject
    ReadCache reads;
    @Inject
    ObjectMapper json;

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        boolean asked = response.getHeaders().getFirst(HttpHeaders.ETAG) == Versions.TAG_ON_SENDING;
        boolean api = request.getUriInfo().getPath().startsWith("/api/");
        if (api && read && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        }
        Object entity = response.getEntity();
        if (!api || !(read || asked) || !tagged(response, entity)) {
            if (asked) {
                response.getHeaders().remove(HttpHeaders.ETAG);
            }
            return;
        }
        ReadCache.Written written = reads.writtenOf(entity);
        Versions.Tagged sent = written == null ? Versions.tagged(json.writeValueAsBytes(entity))
                : taggedJsonOf(entity, written);
        response.getHeaders().putSingle(HttpHeaders.ETAG, sent.header());
        if (read && noneMatch(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), sent)) {
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            return;
        }
        // Sent as the bytes just written: JSON is written once per response (once per kept read), and no writer
        // interceptor stands in the way of every other response.
        MediaType type = response.getMediaType();
        MediaType sentAs = type == null || !type.getParameters().containsKey(MediaType.CHARSET_PARAMETER) ? JSON : type;
        response.setEntity(sent.json(), response.getEntityAnnotations(), sentAs);
        if (written != null && written.sent == null && HttpMethod.GET.equals(request.getMethod())
                && response.getStatus() == Response.Status.OK.getStatusCode() && plain(response)) {
            // Only with its route template: the request metrics of a read sent again are tagged by it, never by its path.
            String template = KeptReadRoute.routeTemplate();
            if (template != null) {
                written.sent = new ReadCache.Sent(sent, sentAs.toString(), template,
                        request.getHeaderString(HttpHeaders.ACCEPT));
            }
        }
    }

    /** Whether a response has no headers but those {@link KeptReadRoute} sends again. */
    private static boolean plain(ContainerResponseContext response) {
        for (String name : response.getHeaders().keySet()) {
            if (!KeptReadRoute.SENT_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the response sends a representation as JSON: a success with a body, not an error. */
    private static boolean tagged(ContainerResponseContext response, Object entity) {
        if (entity == null || response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL
                || entity instanceof byte[] || entity instanceof CharSequence) {
            return false;
        }
        MediaType type = response.getMediaType();
        return type == null || type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    }

    private Versions.Tagged taggedJsonOf(Object entity, ReadCache.Written written) throws JsonProcessingException {
        Versions.Tagged kept = written.json;
        if (kept == null) {
            // The mapper the JSON writer uses: the bytes are what it would have written.
            kept = Versions.tagged(json.writeValueAsBytes(entity));
            written.json = kept;
        }
        return kept;
    }

    /**
     * Whether If-None-Match names the representation's tag (or is {@code *}): RFC 9110 13.1.2, weak comparison,
     * so {@code W/"x"} matches {@code "x"}.
     */
    static boolean noneMatch(List<String> ifNoneMatch, Versions.Tagged sent) {
        if (ifNoneMatch == null) {
            return false;
        }
        String value = sent.tag().getValue();
        for (String header : ifNoneMatch) {
            for (String tag : header.split(",")) {
                String candidate = tag.strip();
                if (candidate.equals("*")) {
                    return true;
                }
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2);
                }
                if (candidate.length() == value.length() + 2 && candidate.charAt(0) == '"'
                        && candidate.endsWith("\"") && candidate.regionMatches(1, value, 0, value.length())) {
                    return true;
                }
            }
        }
        return false;
    }
}
