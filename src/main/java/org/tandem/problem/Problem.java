package org.tandem.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document, the body of every error response.
 *
 * @param type a URI reference naming the kind of problem; the last segment is a stable code
 *        clients can switch on (for example {@code /problems/county-already-paired})
 * @param errors per-field validation messages, present only for validation failures
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: a JSON path such as {@code items[2].value} or a query parameter name. */
    public record FieldError(String field, String message) {
    }
}
