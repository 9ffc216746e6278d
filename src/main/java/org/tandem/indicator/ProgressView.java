package org.tandem.indicator;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;
import org.tandem.scoring.Direction;

@Schema(name = "Progress", description = "Target, actual and completion of every active indicator for one pair-year")
record ProgressView(
        @Schema(required = true) long pairing,
        @Schema(required = true) int year,
        @Schema(required = true) ActualsState actualsState,
        @Schema(required = true, description = "How completion and averages are rounded") String rounding,
        @Schema(required = true) List<IndicatorProgress> indicators,
        @Schema(required = true) List<TrackProgress> tracks) {

    /** The columns of an export of a pair-year's progress: one row per indicator. */
    static final Table<IndicatorProgress> TABLE = Table.of("progress",
            Column.text("指标代码", "Indicator", IndicatorProgress::indicator),
            Column.text("领域", "Track", IndicatorProgress::track),
            Column.text("中文名", "Name (Chinese)", IndicatorProgress::nameZh),
            Column.text("英文名", "Name (English)", IndicatorProgress::nameEn),
            Column.text("单位", "Unit", IndicatorProgress::unit),
            Column.text("方向", "Direction", IndicatorProgress::direction),
            Column.text("来源", "Source", IndicatorProgress::source),
            Column.decimal("目标值", "Target", IndicatorProgress::target),
            Column.decimal("实际值", "Actual", IndicatorProgress::actual),
            Column.decimal("完成率", "Completion", IndicatorProgress::completion));

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
