package org.tandem.funding;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LedgerEntryInput", description = "DISBURSEMENT: pairing, year, amount, paidOn, reference (track optional)."
        + " CLAWBACK: pairing, year, assessment (finalized, below the pass mark), reason; amount optional (default and"
        + " maximum: the rule's clawbackPercent of the net allocation). CORRECTION: reverses, reason."
        + " ALLOCATION entries come only from approving an allocation. override (admin only, with a reason) lets a"
        + " disbursement or correction pay out more than was allocated.")
record EntryInput(
        @NotNull @Schema(required = true) EntryKind kind,
        @Schema(description = "The pairing's id") Long pairing,
        @Min(2000) @Max(2100) Integer year,
        @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) @Schema(description = "CNY, positive, at most 2 decimals") BigDecimal amount,
        LocalDate paidOn,
        @Size(max = 200) @Schema(description = "The payment's reference, e.g. the voucher number") String reference,
        @Size(max = 32) @Schema(description = "A track code the money is earmarked for") String track,
        @Schema(description = "CLAWBACK: the assessment below the pass mark it follows from") Long assessment,
        @Schema(description = "CORRECTION: the entry it reverses") Long reverses,
        @Size(max = 1000) String reason,
        Boolean override) {
}
