package org.tandem.indicator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.ProjectStatus;
import org.tandem.problem.Problem;
import org.tandem.problem.ProblemException;

/**
 * What a DERIVED indicator is computed from, for one pairing and one year. A project counts in year Y when
 * it reached {@code projectStatus} in Y (the date of that step: plannedOn, signedOn, constructionStartedOn,
 * productionStartedOn or cancelledOn); an activity counts when it was held in Y.
 */
@Schema(name = "Derivation", description = "How a DERIVED indicator is computed from the pair's projects or activities of the year. "
        + "A project counts in year Y when the date it reached projectStatus is in Y; an activity counts when heldOn is in Y.")
record Derivation(
        @NotNull @Schema(required = true) DerivedFrom from,
        @NotNull @Schema(required = true) Aggregate aggregate,
        @Schema(description = "Required for SUM, not allowed for COUNT. Projects: INVESTMENT, EXPECTED_ANNUAL_OUTPUT, "
                + "EXPECTED_ANNUAL_TAX; activities: PARTICIPANTS, ENTERPRISES, AMOUNT") Measure measure,
        @Schema(description = "true: records under any track count; false (the default): only those under the indicator's track") Boolean anyTrack,
        @Schema(description = "PROJECT only, required there: the status whose reaching in the year makes a project count") ProjectStatus projectStatus,
        @Size(max = 6) @Schema(description = "ACTIVITY only: the kinds that count; absent or empty means every kind") List<ActivityKind> activityKinds) {

    /** The same derivation with defaults filled in and the kinds de-duplicated, or a 400 naming every bad field. */
    public Derivation checked() {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (aggregate == Aggregate.SUM && measure == null) {
            errors.add(new Problem.FieldError("derivation.measure", "is required for SUM"));
        }
        if (aggregate == Aggregate.COUNT && measure != null) {
            errors.add(new Problem.FieldError("derivation.measure", "is only allowed for SUM"));
        }
        if (measure != null && measure.from != from) {
            errors.add(new Problem.FieldError("derivation.measure",
                    measure + " is a measure of " + measure.from + " records, not of " + from + " records"));
        }
        if (from == DerivedFrom.PROJECT && projectStatus == null) {
            errors.add(new Problem.FieldError("derivation.projectStatus",
                    "is required for PROJECT: a project counts in the year it reached this status"));
        }
        if (from == DerivedFrom.ACTIVITY && projectStatus != null) {
            errors.add(new Problem.FieldError("derivation.projectStatus", "is only allowed when from is PROJECT"));
        }
        if (from == DerivedFrom.PROJECT && activityKinds != null && !activityKinds.isEmpty()) {
            errors.add(new Problem.FieldError("derivation.activityKinds", "is only allowed when from is ACTIVITY"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<ActivityKind> kinds = activityKinds == null || activityKinds.isEmpty() ? null
                : List.copyOf(new LinkedHashSet<>(activityKinds));
        return new Derivation(from, aggregate, measure, anyTrack != null && anyTrack, projectStatus, kinds);
    }

    boolean coversTrack(String indicatorTrack, String recordTrack) {
        return Boolean.TRUE.equals(anyTrack) || indicatorTrack.equals(recordTrack);
    }

    boolean coversKind(ActivityKind kind) {
        return activityKinds == null || activityKinds.isEmpty() || activityKinds.contains(kind);
    }
}
