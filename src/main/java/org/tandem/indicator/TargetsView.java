package org.tandem.indicator;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Targets", description = "The stored targets of one pairing in one year, in catalogue order")
record TargetsView(
        @Schema(required = true) long pairing,
        @Schema(required = true) int year,
        @Schema(required = true) List<ValueView> items) {
}
