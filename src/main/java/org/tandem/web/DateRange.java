package org.tandem.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date of the API lies in the years the service can mean: not before {@value #EARLIEST} (nothing it records is
 * older than the province), not after {@value #LATEST}, and, for something that has happened (a project's step, an
 * activity held), not after today in the service's zone ({@value #ZONE}). Without it a step dated 2099 is kept and
 * drops out of every year's figures, and years 0, 1582 or 10000 come back changed by the database's calendar.
 * A date-time (a query's bound) is taken as the date it falls on in the service's zone.
 */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = DateRange.Check.class)
public @interface DateRange {

    String EARLIEST = "1949-10-01";
    String LATEST = "2100-12-31";
    String ZONE = "Asia/Shanghai";

    /** For the contract: what a date with {@code pastOrToday} may be. */
    String UP_TO_TODAY = "Between " + EARLIEST + " and today (" + ZONE + ").";
    /** For the contract: what any other date may be. */
    String IN_RANGE = "Between " + EARLIEST + " and " + LATEST + ".";

    /** Whether the date records something that has happened, and so may not lie after today. */
    boolean pastOrToday() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link LocalDate}s and {@link OffsetDateTime}s; null is left to {@code @NotNull}. */
    class Check implements ConstraintValidator<DateRange, Temporal> {

        private static final LocalDate FIRST = LocalDate.parse(EARLIEST);
        private static final LocalDate LAST = LocalDate.parse(LATEST);
        private static final ZoneId SERVICE_ZONE = ZoneId.of(ZONE);

        private boolean pastOrToday;

        @Override
        public void initialize(DateRange range) {
            pastOrToday = range.pastOrToday();
        }

        @Override
        public boolean isValid(Temporal value, ConstraintValidatorContext context) {
            LocalDate date;
            if (value == null) {
                return true;
            } else if (value instanceof LocalDate local) {
                date = local;
            } else if (value instanceof OffsetDateTime instant) {
                date = instant.atZoneSameInstant(SERVICE_ZONE).toLocalDate();
            } else {
                throw new IllegalArgumentException("@DateRange is for LocalDate and OffsetDateTime only");
            }
            LocalDate today = LocalDate.now(SERVICE_ZONE);
            LocalDate last = pastOrToday && today.isBefore(LAST) ? today : LAST;
            if (!date.isBefore(FIRST) && !date.isAfter(last)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be between " + EARLIEST + " and "
                    + (last == today ? "today (" + today + ", " + ZONE + ")" : LATEST)).addConstraintViolation();
            return false;
        }
    }
}
