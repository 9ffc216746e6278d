package org.tandem.indicator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;
import org.tandem.scoring.Direction;

@Schema(name = "Indicator")
record IndicatorView(
        @Schema(required = true, examples = "PROJECTS_IN_PRODUCTION") String code,
        @Schema(required = true, examples = "PROJECT_COOP") String track,
        @Schema(required = true) String nameZh,
        @Schema(required = true) String nameEn,
        @Schema(required = true, examples = "CNY") String unit,
        @Schema(required = true) Direction direction,
        @Schema(required = true) IndicatorSource source,
        @Schema(description = "Present when source is DERIVED") Derivation derivation,
        @Schema(required = true) boolean active,
        String description,
        @Schema(required = true, description = "How often the actual is reported") ReportedPer reportedPer) {

    /** The columns of an export of the indicator catalogue. */
    static final Table<IndicatorView> TABLE = Table.of("indicators",
            Column.text("指标代码", "Code", IndicatorView::code),
            Column.text("领域", "Track", IndicatorView::track),
            Column.text("中文名", "Name (Chinese)", IndicatorView::nameZh),
            Column.text("英文名", "Name (English)", IndicatorView::nameEn),
            Column.text("单位", "Unit", IndicatorView::unit),
            Column.text("方向", "Direction", IndicatorView::direction),
            Column.text("来源", "Source", IndicatorView::source),
            Column.text("启用", "Active", v -> v.active() ? "true" : "false"),
            Column.text("说明", "Description", IndicatorView::description),
            Column.text("报送周期", "Reported per", IndicatorView::reportedPer));

    public static IndicatorView of(Indicator indicator) {
        return new IndicatorView(indicator.code, indicator.track.code, indicator.nameZh, indicator.nameEn,
                indicator.unit, indicator.direction, indicator.source, indicator.derivation(), indicator.active,
                indicator.description, indicator.reportedPer);
    }
}
