package org.tandem.funding;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.registry.CountyRef;

@Schema(name = "Allocation", description = "A programme-year's total split among its pairs, with a breakdown that explains every fen")
record AllocationView(
        @Schema(required = true) long id,
        @Schema(required = true) String program,
        @Schema(required = true) int year,
        @Schema(required = true) long rule,
        @Schema(required = true) int ruleNumber,
        @Schema(required = true, description = "The rule is only an example, not the official split") boolean exampleRule,
        @Schema(required = true) AllocationStatus status,
        @Schema(required = true, description = "The rule's total, CNY") BigDecimal total,
        @Schema(required = true, description = "The sum of the pairs' amounts; allocated + reserve = total exactly") BigDecimal allocated,
        @Schema(required = true, description = "What no pair could take (caps, no coefficient above 0): kept unallocated") BigDecimal reserve,
        @Schema(required = true) String inputsDigest,
        @Schema(required = true) OffsetDateTime computedAt,
        @Schema(required = true) String computedBy,
        OffsetDateTime approvedAt,
        String approvedBy,
        @Schema(required = true) Breakdown breakdown) {

    @Schema(name = "AllocationBreakdown")
    record Breakdown(
            @Schema(required = true, description = "basePercent of the total, rounded down to the fen (0 when no pair is eligible)") BigDecimal basePool,
            @Schema(required = true, description = "total - basePool") BigDecimal meritPool,
            @Schema(required = true, description = "How many pairs share the base pool") int baseEligible,
            @Schema(required = true, description = "The sum of the pairs' grade coefficients") BigDecimal coefficientSum,
            @Schema(required = true, description = "How many fen went to the largest remainders") int fenPlacedByRemainder,
            @Schema(required = true) String roundingRule,
            @Schema(required = true, description = "One line per pair, by pairing id; a county editor sees only their county's pairs") List<Line> lines) {
    }

    @Schema(name = "AllocationLine", description = "A pair's share: exact figures in CNY with 6 decimals, then the rounding")
    record Line(
            @Schema(required = true) long pairing,
            @Schema(required = true) CountyRef industrialCounty,
            @Schema(required = true) CountyRef mountainCounty,
            @Schema(required = true) long assessment,
            @Schema(required = true) BigDecimal score,
            @Schema(required = true) String grade,
            @Schema(required = true) boolean passed,
            @Schema(required = true) boolean baseEligible,
            @Schema(required = true) BigDecimal coefficient,
            @Schema(required = true) BigDecimal exactBase,
            @Schema(required = true) BigDecimal exactMerit,
            @Schema(required = true, description = "The share was limited to the rule's cap") boolean capped,
            @Schema(required = true, description = "exactBase + exactMerit (or the cap)") BigDecimal exact,
            @Schema(required = true, description = "exact rounded down to the fen") BigDecimal roundedDown,
            @Schema(required = true, description = "What rounding down left, in fen, 6 decimals") BigDecimal remainderFen,
            @Schema(required = true, description = "Whether one of the fen left went to this pair") boolean extraFen,
            @Schema(required = true, description = "The pair's amount, CNY") BigDecimal amount,
            @Schema(description = "With the rule's mountainPercent: the industrial county's part") BigDecimal industrialAmount,
            @Schema(description = "With the rule's mountainPercent: the mountain county's part") BigDecimal mountainAmount) {
    }

    @Schema(name = "AllocationRequest")
    record Request(@Schema(description = "The rule's id; absent: the latest published rule of the program-year") Long rule) {
    }
}
