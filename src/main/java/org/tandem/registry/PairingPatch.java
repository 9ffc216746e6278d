package org.tandem.registry;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.web.DateRange;

/** A JSON merge patch of a pairing's mutable details; a field left out stays as it is. */
@Schema(name = "PairingPatch")
public record PairingPatch(@DateRange @Schema(description = DateRange.IN_RANGE) LocalDate formedOn, PairingStatus status,
        Evidence evidence,
        @Size(max = 2000) String sourceNote) {
}
