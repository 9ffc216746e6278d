package org.tandem.indicator;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.scoring.Direction;

@Schema(name = "Progress", description = "Target, actual and completion of every active indicator for one pair-year")
record ProgressView(
        @Schema(required = true) long pairing,
        @Schema(required = true) int year,
        @Schema(required = true) ActualsState actualsState,
        @Schema(required = true, description = "How completion and averages are rounded") String rounding,
        @Schema(required = true) List<IndicatorProgress> indicators,
        @Schema(required = true) List<TrackProgress> tracks) {

    @Schema(name = "IndicatorProgress")
    public record IndicatorProgress(
            @Schema(required = true) String indicator,
            @Schema(required = true) String track,
            @Schema(required = true) String nameZh,
            @Schema(required = true) String nameEn,
            @Schema(required = true) String unit,
            @Schema(required = true) Direction direction,
            @Schema(required = true) IndicatorSource source,
            BigDecimal target,
            @Schema(description = "DERIVED: computed live from projects and activities; REPORTED: the stored actual, absent if none") BigDecimal actual,
            @Schema(description = "actual/target (target/actual for LOWER_IS_BETTER), 4 decimals HALF_UP; absent when it cannot be told") BigDecimal completion) {
    }

    @Schema(name = "TrackProgress")
    public record TrackProgress(
            @Schema(required = true) String track,
            @Schema(required = true) String nameZh,
            @Schema(required = true) String nameEn,
            @Schema(required = true) int indicators,
            @Schema(required = true) int withTarget,
            @Schema(required = true, description = "Indicators whose completion is at least 1") int completed,
            @Schema(description = "Mean of the indicators' completions that can be told, 4 decimals HALF_UP, uncapped") BigDecimal averageCompletion) {
    }
}
