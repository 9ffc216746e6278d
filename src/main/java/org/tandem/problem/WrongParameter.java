package org.tandem.problem;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * Finds which path or query parameter of a resource method could not be converted to its type. Quarkus REST only
 * says that one of them failed (as a 404 with a cause), so the values are converted again here, the same way, to
 * name the parameter and what it must be.
 */
final class WrongParameter {

    private WrongParameter() {
    }

    /** The first parameter of {@code method} whose value in the request does not convert, if one is found. */
    static Optional<Problem.FieldError> of(Method method, UriInfo uri) {
        if (method == null) {
            return Optional.empty();
        }
        for (Parameter parameter : method.getParameters()) {
            Optional<Problem.FieldError> error = parameter.isAnnotationPresent(BeanParam.class)
                    ? ofBean(parameter.getType(), uri)
                    : check(parameter, parameter.getType(), uri);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem.FieldError> ofBean(Class<?> bean, UriInfo uri) {
        for (Field field : bean.getFields()) {
            Optional<Problem.FieldError> error = check(field, field.getType(), uri);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem.FieldError> check(AnnotatedElement element, Class<?> type, UriInfo uri) {
        String name;
        MultivaluedMap<String, String> values;
        if (element.isAnnotationPresent(PathParam.class)) {
            name = element.getAnnotation(PathParam.class).value();
            values = uri.getPathParameters();
        } else if (element.isAnnotationPresent(QueryParam.class)) {
            name = element.getAnnotation(QueryParam.class).value();
            values = uri.getQueryParameters();
        } else {
            return Optional.empty();
        }
        for (String value : values.getOrDefault(name, List.of())) {
            String message = problemWith(type, value);
            if (message != null) {
                return Optional.of(new Problem.FieldError(name, message));
            }
        }
        return Optional.empty();
    }

    /** What {@code value} must be to convert to {@code type}, or null when it converts. */
    private static String problemWith(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == BigDecimal.class) {
                new BigDecimal(value);
            } else if (type == LocalDate.class) {
                LocalDate.parse(value);
            } else if (type == OffsetDateTime.class) {
                OffsetDateTime.parse(value);
            } else if (type.isEnum()) {
                return enumValue(type, value);
            }
            return null;
        } catch (NumberFormatException e) {
            return type == BigDecimal.class ? "must be a number" : "must be an integer";
        } catch (DateTimeParseException e) {
            return type == LocalDate.class ? "must be a date (YYYY-MM-DD)"
                    : "must be a date-time with offset (e.g. 2024-05-01T08:00:00+08:00)";
        }
    }

    private static String enumValue(Class<?> type, String value) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        return names.contains(value) ? null : "must be one of " + String.join(", ", names);
    }
}
