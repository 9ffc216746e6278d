package org.tandem.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Activity")
record ActivityView(
        @Schema(required = true) long id,
        @Schema(required = true) long pairing,
        @Schema(required = true) String track,
        @Schema(required = true) ActivityKind kind,
        @Schema(required = true) LocalDate heldOn,
        @Schema(required = true) String title,
        Integer participants,
        Integer enterprises,
        BigDecimal amount,
        String description) {

    static ActivityView of(CooperationActivity a) {
        return new ActivityView(a.id, a.pairing.id, a.track.code, a.kind, a.heldOn, a.title, a.participants,
                a.enterprises, a.amount, a.description);
    }
}
