package org.tandem.problem;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Which constraint violations to report: a field that is missing is reported as that alone ("must not be blank"),
 * not also as breaking its format ("must be a 6-digit code"), in the JSON API and in imports alike.
 */
public final class Violations {

    private Violations() {
    }

    /** Whether {@code violation} says its value is missing (null, empty or blank). */
    public static boolean isMissing(ConstraintViolation<?> violation) {
        Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        return constraint == NotNull.class || constraint == NotBlank.class || constraint == NotEmpty.class;
    }

    /** The violations to report: for a field that is missing, only that it is. */
    public static <V extends ConstraintViolation<?>> List<V> toReport(Collection<V> violations) {
        Set<String> missing = violations.stream().filter(Violations::isMissing)
                .map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
        return violations.stream().filter(v -> isMissing(v) || !missing.contains(v.getPropertyPath().toString()))
                .toList();
    }
}
