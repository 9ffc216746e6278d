package org.tandem.registry;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Pairing")
public record PairingView(
        @Schema(required = true) long id,
        @Schema(required = true, examples = "ZJ-MFG-2023") String program,
        @Schema(required = true) CountyRef industrialCounty,
        @Schema(required = true) CountyRef mountainCounty,
        LocalDate formedOn,
        @Schema(required = true) PairingStatus status,
        Evidence evidence,
        String sourceNote) {

    public static PairingView of(Pairing pairing) {
        return new PairingView(pairing.id, pairing.program.code, CountyRef.of(pairing.industrialCounty),
                CountyRef.of(pairing.mountainCounty), pairing.formedOn, pairing.status, pairing.evidence,
                pairing.sourceNote);
    }
}
