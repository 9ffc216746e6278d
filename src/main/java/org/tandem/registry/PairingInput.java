package org.tandem.registry;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.web.DateRange;

@Schema(name = "PairingInput", description = "A pairing as clients write it. On PUT the program cannot change.")
public record PairingInput(
        @NotBlank @Size(max = 32) @Schema(required = true, examples = "ZJ-MFG-2023") String program,
        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") @Schema(required = true, examples = "330782") String industrialCounty,
        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") @Schema(required = true, examples = "331102") String mountainCounty,
        @DateRange @Schema(description = DateRange.IN_RANGE, examples = "2023-06-01") LocalDate formedOn,
        @Schema(description = "Defaults to ACTIVE") PairingStatus status,
        Evidence evidence,
        @Size(max = 2000) String sourceNote) {
}
