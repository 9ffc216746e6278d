package org.tandem.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response.Status;

/**
 * Thrown by resources and entities when a request cannot be served; turned into problem+json by
 * {@link ProblemMappers}. The {@code code} becomes the last segment of the problem's type.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Problem.FieldError> errors;
    private Long retryAfterSeconds;

    public ProblemException(int status, String code, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", null);
    }

    /** A conflict with the current state or with a rule; {@code rule} names the rule broken. */
    public static ProblemException conflict(String rule, String detail) {
        return new ProblemException(409, rule, "Conflict", detail, null);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A 400 naming every invalid field at once; {@code errors} must not be empty. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(400, "validation", "Invalid request", detailOf(errors), List.copyOf(errors));
    }

    /**
     * The {@code detail} of a 400 with per-field errors: the field and its message when one field is invalid (its
     * messages joined when it breaks several rules at once), otherwise how many fields are invalid.
     */
    static String detailOf(List<Problem.FieldError> errors) {
        Map<String, List<String>> byField = errors.stream().collect(Collectors.groupingBy(Problem.FieldError::field,
                LinkedHashMap::new, Collectors.mapping(Problem.FieldError::message, Collectors.toList())));
        if (byField.size() == 1) {
            Map.Entry<String, List<String>> only = byField.entrySet().iterator().next();
            return only.getKey() + ": " + String.join("; ", only.getValue());
        }
        return byField.size() + " fields are invalid";
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Status.PRECONDITION_FAILED.getStatusCode(), "stale-version", "Precondition failed",
                detail, null);
    }

    /** 429: too many requests of this kind; the client may try again after {@code retryAfterSeconds}. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        ProblemException e = new ProblemException(429, "too-many-requests", "Too many requests", detail, null);
        e.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        return e;
    }

    /**
     * 503: the change waited longer than allowed for data another change held, or deadlocked with it; it was rolled
     * back and may be tried again after {@code retryAfterSeconds}.
     */
    public static ProblemException busy(String detail, long retryAfterSeconds) {
        ProblemException e = new ProblemException(503, "busy", "Service unavailable", detail, null);
        e.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        return e;
    }

    /** Seconds for a {@code Retry-After} header, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
