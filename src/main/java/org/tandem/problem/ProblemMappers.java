package org.tandem.problem;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.hibernate.exception.DataException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where exceptions become {@code application/problem+json}. Messages are written here,
 * never copied from exceptions, so no class name or stack trace reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Set<String> LOCK_GIVEN_UP = Set.of("HYT00", "40001", "40P01", "55P03");
    /** How Agroal's message for a connection not had in time begins ({@code io.agroal.pool.ConnectionPool}). */
    private static final String AGROAL_ACQUISITION_TIMEOUT = "Sorry, acquisition timeout";
    private static final int BUSY_RETRY_AFTER_SECONDS = 5;

    /**
     * Database constraints that a concurrent request can still break after the service's own checks
     * passed; each maps to the same rule code the service check uses.
     */
    private static final Map<String, String[]> CONSTRAINTS = Map.ofEntries(
            conflict("pairing_industrial_once", "county-already-paired",
                    "the industrial county is already in a pairing of this program"),
            conflict("pairing_mountain_once", "county-already-paired",
                    "the mountain county is already in a pairing of this program"),
            conflict("program_code_key", "duplicate-code", "a program with this code already exists"),
            conflict("indicator_pk", "duplicate-code", "an indicator with this code already exists"),
            conflict("pair_year_once", "concurrent-write", "another request wrote this pair-year at the same time; retry"),
            conflict("indicator_value_once", "concurrent-write",
                    "another request wrote this pair-year at the same time; retry"),
            conflict("pair_year_approval_once", "concurrent-write",
                    "another request approved this pair-year at the same time; retry"),
            conflict("reporting_period_once", "concurrent-write",
                    "another request wrote this calendar at the same time; retry"),
            conflict("period_report_once", "concurrent-write",
                    "another request wrote this progress report at the same time; retry"),
            conflict("period_value_once", "concurrent-write",
                    "another request wrote this progress report at the same time; retry"));

    private static Map.Entry<String, String[]> conflict(String constraint, String code, String detail) {
        return Map.entry(constraint, new String[] { code, detail });
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response problem = respond(e.status(), e.code(), e.title(), e.getMessage(), e.errors(), uri);
        if (e.retryAfterSeconds() != null) {
            return Response.fromResponse(problem).header("Retry-After", e.retryAfterSeconds()).build();
        }
        return problem;
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Response problem = respond(401, "unauthorized", "Unauthorized",
                "send a valid bearer token: Authorization: Bearer <token> (POST /api/v1/auth/token issues one)", null,
                uri);
        return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "your role does not allow this", null, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : Violations.toReport(e.getConstraintViolations())) {
            if (isReturnValue(v.getPropertyPath())) {
                return internalError(e, uri);
            }
            errors.add(new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return respond(400, "validation", "Invalid request", ProblemException.detailOf(errors), errors, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    /** Declared apart so that it takes precedence over Quarkus's built-in mapper, which sends no body. */
    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    /** Declared apart so that parser limits (nesting depth, number length) are never taken for anything else. */
    @ServerExceptionMapper
    public Response jsonLimits(StreamConstraintsException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException) {
            // JAX-RS reports a query parameter it could not convert as a 404; it is bad input.
            if (e.getCause() != null) {
                return WrongParameter.of(resource == null ? null : resource.getResourceMethod(), uri)
                        .map(error -> respond(400, "validation", "Invalid request",
                                error.field() + ": " + error.message(), List.of(error), uri))
                        .orElseGet(() -> respond(400, "validation", "Invalid request",
                                "a query or path parameter has the wrong type", null, uri));
            }
            return respond(404, "not-found", "Not found", "no resource at " + uri.getPath(), null, uri);
        }
        if (e instanceof NotAllowedException) {
            return respond(405, "method-not-allowed", "Method not allowed",
                    "allowed methods: " + e.getResponse().getAllowedMethods(), null, uri);
        }
        if (e instanceof NotSupportedException) {
            return respond(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json", null, uri);
        }
        if (status == 413) {
            // A chunked body found too large while Quarkus REST reads it.
            return respond(413, "too-large", "Payload too large", "the body is larger than the limit", null, uri);
        }
        if (status >= 500) {
            return internalError(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Request failed";
        return respond(status, title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, title, null, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof IOException) {
            // Reading the request failed: the client went away (closed or reset the connection) while its body was
            // still coming. No one to answer, and nothing went wrong here. (The database's own I/O errors come
            // wrapped in SQL and Hibernate exceptions, never as a bare IOException.)
            LOG.debugf("The connection broke while the request to %s was read: %s", uri.getPath(), e);
            return respond(400, "incomplete-request", "Bad request",
                    "the connection broke before the request was read whole", null, uri);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return problem(p, uri);
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c) {
                return constraint(c, uri);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return respond(412, "stale-version", "Precondition failed",
                        "the resource was changed by another request; fetch it again and retry", null, uri);
            }
            if (lockGivenUp(t)) {
                // Another transaction held what this one needed (a pairing an import is writing, a programme an
                // assessment run holds) past tandem.lock-timeout-ms, or the two deadlocked: this one rolls back.
                LOG.infof("Gave up waiting for a lock on %s: %s", uri.getPath(), t.getMessage());
                return problem(ProblemException.busy("the data this change needs was held by another change (an"
                        + " import, an assessment run) for longer than the wait allowed; nothing changed; try again",
                        BUSY_RETRY_AFTER_SECONDS), uri);
            }
            if (noConnection(t)) {
                // Every connection of the pool was in use (by requests waiting for locks, or slow ones) for longer
                // than the pool lets a request wait for one: nothing was done.
                LOG.warnf("No database connection was free for %s: %s", uri.getPath(), t.getMessage());
                return problem(ProblemException.busy("the service is busy: no database connection was free within"
                        + " the wait allowed; nothing changed; try again", BUSY_RETRY_AFTER_SECONDS), uri);
            }
            if (t instanceof DataException) {
                return respond(400, "validation", "Invalid request",
                        "a value is too long or out of range for its field", null, uri);
            }
            if (t instanceof jakarta.transaction.RollbackException) {
                // The flush before the commit hit a constraint (a row deleted that other data still names): the
                // transaction manager reports the failed commit first, and what failed below it or beside it.
                org.hibernate.exception.ConstraintViolationException violation = constraintBehind(t);
                if (violation != null) {
                    return constraint(violation, uri);
                }
                // The transaction manager rolled the work back instead of committing it: most often it ran past
                // its time limit and the reaper aborted it. Nothing of it is kept, and the client may try again.
                LOG.warnf("Not committed on %s: %s", uri.getPath(), t.getMessage());
                return respond(503, "not-committed", "Service unavailable", "the change took longer than allowed"
                        + " or was aborted, and was rolled back whole: nothing changed; try again, or with less",
                        null, uri);
            }
        }
        return internalError(e, uri);
    }

    /** The constraint violation among the causes of a failed commit, or the exceptions suppressed beside them. */
    private static org.hibernate.exception.ConstraintViolationException constraintBehind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c) {
                return c;
            }
            for (Throwable beside : t.getSuppressed()) {
                org.hibernate.exception.ConstraintViolationException c = constraintBehind(beside);
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * A lock waited for past the lock timeout, or a deadlock, as Jakarta Persistence and Hibernate name them, or as
     * the SQL state of a statement run past Hibernate (H2's lock timeout HYT00 and deadlock 40001; PostgreSQL's
     * lock_not_available 55P03, deadlock_detected 40P01 and serialization_failure 40001).
     */
    private static boolean lockGivenUp(Throwable t) {
        return t instanceof jakarta.persistence.PessimisticLockException
                || t instanceof jakarta.persistence.LockTimeoutException
                || t instanceof org.hibernate.PessimisticLockException
                || t instanceof org.hibernate.exception.LockAcquisitionException
                // Set.of refuses to look for null: an SQL exception without a state made the mapper itself fail.
                || t instanceof SQLException sql && sql.getSQLState() != null
                        && LOCK_GIVEN_UP.contains(sql.getSQLState());
    }

    /**
     * The connection pool's wait for a free connection given up (Agroal's acquisition timeout,
     * {@code quarkus.datasource.jdbc.acquisition-timeout}). Agroal says so only in the message of a plain
     * {@link SQLException} without an SQL state: the message is matched, and {@code PoolExhaustionTest} fails if an
     * upgrade changes it.
     */
    private static boolean noConnection(Throwable t) {
        return t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                && sql.getMessage().startsWith(AGROAL_ACQUISITION_TIMEOUT);
    }

    private Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        String name = e.getConstraintName() == null ? "" : e.getConstraintName().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String[]> known : CONSTRAINTS.entrySet()) {
            if (name.contains(known.getKey())) {
                return respond(409, known.getValue()[0], "Conflict", known.getValue()[1], null, uri);
            }
        }
        if (e.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.FOREIGN_KEY) {
            return respond(409, "referenced", "Conflict", "the resource is still referenced by other data", null, uri);
        }
        return respond(409, "conflict", "Conflict", "the request conflicts with existing data", null, uri);
    }

    private Response jsonProblem(JsonProcessingException e, UriInfo uri) {
        if (e instanceof StreamConstraintsException) {
            return respond(400, "malformed-json", "Malformed JSON",
                    "the body is nested too deeply, or a number or string in it is too long", null, uri);
        }
        if (e instanceof JsonParseException parse) {
            String where = parse.getLocation() == null ? ""
                    : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
            return respond(400, "malformed-json", "Malformed JSON", "the body is not valid JSON" + where, null, uri);
        }
        if (e instanceof JsonMappingException mapping) {
            String field = jsonPath(mapping);
            String message;
            if (e instanceof UnrecognizedPropertyException unknown) {
                field = field.isEmpty() ? unknown.getPropertyName() : field;
                message = "unknown field";
            } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                message = "must be one of " + enumValues(format.getTargetType());
            } else if (e instanceof InvalidFormatException format && format.getTargetType() == String.class
                    && format.getValue() instanceof String) {
                // A string refused as text (org.tandem.web.UnicodeText), not a number or boolean sent for one.
                message = "must be valid Unicode text without NUL characters";
            } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                message = "must be " + describe(mismatch.getTargetType());
            } else {
                message = "has an invalid value";
            }
            if (field.isEmpty()) {
                return respond(400, "malformed-json", "Malformed JSON", "the body does not have the expected shape",
                        null, uri);
            }
            return respond(400, "validation", "Invalid request", field + ": " + message,
                    List.of(new Problem.FieldError(field, message)), uri);
        }
        return respond(400, "malformed-json", "Malformed JSON", "the body could not be read", null, uri);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String enumValues(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        return String.join(", ", names);
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 date";
        }
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code create.body.industrialCounty} becomes {@code industrialCounty}; a query parameter keeps its name. */
    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, BEAN, CONTAINER_ELEMENT -> {
                    // The index of an element sits on the node after its collection.
                    if (node.isInIterable() && node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "request" : parameter;
    }

    private Response internalError(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error on %s (reference %s)", uri.getPath(), reference);
        return respond(500, "internal-error", "Internal error",
                "the server could not complete the request; quote reference " + reference + " when reporting it", null,
                uri);
    }

    private static Response respond(int status, String code, String title, String detail,
            List<Problem.FieldError> errors, UriInfo uri) {
        Problem problem = new Problem("/problems/" + code, title, status, detail, uri.getPath(),
                errors == null || errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
