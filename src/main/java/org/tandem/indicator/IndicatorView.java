package org.tandem.indicator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
        String description) {

    public static IndicatorView of(Indicator indicator) {
        return new IndicatorView(indicator.code, indicator.track.code, indicator.nameZh, indicator.nameEn,
                indicator.unit, indicator.direction, indicator.source, indicator.derivation(), indicator.active,
                indicator.description);
    }
}
