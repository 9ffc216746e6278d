package org.tandem.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IndicatorValue")
record ValueView(
        @Schema(required = true, examples = "LEAN_BENCHMARK_PROJECTS") String indicator,
        @Schema(required = true, examples = "12.5") BigDecimal value,
        @Schema(required = true) OffsetDateTime updatedAt) {

    static ValueView of(IndicatorValue value) {
        return new ValueView(value.indicator.code, Quantities.plain(value.quantity), value.updatedAt);
    }
}
