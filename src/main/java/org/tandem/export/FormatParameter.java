package org.tandem.export;

import java.util.List;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import org.tandem.problem.ProblemException;

/**
 * Decides, before the REST layer picks a method, whether a read under {@code /api/} is answered as JSON or as an
 * export, and says so in {@code Accept}, so that the list's JSON method or its export method answers:
 * <ul>
 * <li>the {@code format=csv|xlsx} query parameter of a plain browser link wins over {@code Accept}; any other
 * value is a 400;</li>
 * <li>else the caller's most preferred entry of {@code Accept} (by q, then by order) that names JSON, CSV or
 * XLSX, or is {@code *}{@code /*}: that, or no {@code Accept}, means JSON, as before exports existed.</li>
 * </ul>
 * An {@code Accept} that allows none of them is left as it is: the REST layer matches it, and {@link AcceptCheck}
 * answers 406 where the matched method produces none of it. The parameter is part of the query, so a kept JSON read
 * (named by path and query, {@code org.tandem.cache.ReadCache}) is never sent for it; and an export is never kept.
 */
@Provider
@PreMatching
public class FormatParameter implements ContainerRequestFilter {

    static final String NAME = "format";
    /** What a request that accepts JSON or anything is taken to accept. */
    private static final String JSON_FIRST = MediaType.APPLICATION_JSON + ", */*;q=0.1";

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getRequestUri().getPath().startsWith("/api/")
                || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return;
        }
        List<String> formats = request.getUriInfo().getQueryParameters().get(NAME);
        if (formats != null && !formats.isEmpty()) {
            String name = formats.get(0);
            Format format = Format.named(name).orElseThrow(() -> unknown(name));
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, format.mediaType.toString());
            return;
        }
        List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        String header = accept == null ? null : String.join(",", accept);
        // An Accept that allows no export is left as it is: the JSON method alone can answer it, and the kept
        // read route compares a request's Accept with the one a kept read was answered for.
        MediaType chosen = chosen(header);
        if (chosen != null && (header == null || allowsAnExport(header))) {
            // JSON first where a read has both; a read that answers only something else (a workbook template)
            // still answers a caller who accepts anything.
            request.getHeaders().putSingle(HttpHeaders.ACCEPT,
                    MediaType.APPLICATION_JSON_TYPE.equals(chosen) ? JSON_FIRST : chosen.toString());
        }
    }

    private static boolean allowsAnExport(String accept) {
        for (MediaType type : Format.acceptable(accept)) {
            for (Format format : Format.values()) {
                if (format.mediaType.isCompatible(type)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** JSON, CSV or XLSX as {@code accept} prefers them; null if it allows none. */
    static MediaType chosen(String accept) {
        if (accept == null || accept.isBlank()) {
            return MediaType.APPLICATION_JSON_TYPE;
        }
        for (MediaType type : Format.acceptable(accept)) {
            if (type.isWildcardType() || MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
            for (Format format : Format.values()) {
                if (format.mediaType.isCompatible(type)) {
                    return format.mediaType;
                }
            }
        }
        return null;
    }

    static ProblemException unknown(String name) {
        return ProblemException.invalid(NAME, "must be csv or xlsx");
    }
}
