package org.tandem.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.registry.CountyRef;

/** What the objection window's endpoints take and give. */
public final class ObjectionViews {

    /** The state query parameter of the lists. */
    static final String STATE = "open, upheld or rejected (any case); absent: all";

    private ObjectionViews() {
    }

    @Schema(name = "PublicationInput")
    public record PublishInput(
            @NotNull @Min(1) @Max(90) @Schema(required = true, description = "How many days the window stays open from now", examples = "7") Integer days) {
    }

    @Schema(name = "Publication", description = "A programme-year's assessments published for objections (公示)")
    public record Publication(@Schema(required = true) String program, @Schema(required = true) int year,
            @Schema(required = true) int days, @Schema(required = true) OffsetDateTime publishedAt,
            @Schema(required = true, description = "publishedAt + days: objections are taken until then") OffsetDateTime closesAt,
            @Schema(required = true) String publishedBy,
            @Schema(required = true, description = "Whether the window is open at the time of the response") boolean open,
            @Schema(required = true) long openObjections, @Schema(required = true) long upheldObjections,
            @Schema(required = true) long rejectedObjections) {
    }

    @Schema(name = "ObjectionWindow", description = "The objection window of the assessment's programme-year")
    public record Window(@Schema(required = true) int days, @Schema(required = true) OffsetDateTime publishedAt,
            @Schema(required = true) OffsetDateTime closesAt) {
    }

    @Schema(name = "ObjectionInput")
    public record ObjectionInput(
            @NotBlank @Size(max = 2000) @Schema(required = true, description = "Why the county objects to the result", examples = "共建园区已于2024年6月投运，未计入加分") String reason) {
    }

    public enum Outcome {
        UPHELD,
        REJECTED
    }

    @Schema(name = "ObjectionResolutionInput", description = "UPHELD needs a remedy: ADJUSTMENT with an adjustment, or RESCORE (the assessment"
            + " scored again from its pair's current data); REJECTED takes neither. A reason is always given.")
    public record ResolutionInput(@NotNull @Schema(required = true) Outcome outcome, ObjectionRemedy remedy,
            @Valid AssessmentViews.AdjustmentInput adjustment,
            @NotBlank @Size(max = 1000) @Schema(required = true, examples = "经核实，园区已投运，予以加分") String reason) {
    }

    @Schema(name = "ObjectionResolution")
    public record Resolution(@Schema(required = true) String reason, @Schema(required = true) String resolvedBy,
            @Schema(required = true) OffsetDateTime resolvedAt,
            @Schema(description = "How an upheld objection changed the assessment") ObjectionRemedy remedy,
            @Schema(description = "The adjustment an upheld objection caused (ADJUSTMENT)") Long adjustment,
            @Schema(description = "The assessment's total before and after an upheld objection") BigDecimal totalBefore,
            BigDecimal totalAfter,
            @Schema(description = "The breakdowns before and after an upheld objection, at /score-breakdowns/{id}") Long breakdownBefore,
            Long breakdownAfter) {
    }

    @Schema(name = "Objection", description = "A county's objection to its pair's assessment")
    public record ObjectionView(@Schema(required = true) long id, @Schema(required = true) long assessment,
            @Schema(required = true) long pairing, @Schema(required = true) CountyRef industrialCounty,
            @Schema(required = true) CountyRef mountainCounty, @Schema(required = true) String program,
            @Schema(required = true) int year, @Schema(required = true) ObjectionState state,
            @Schema(required = true) String reason, @Schema(required = true) String filedBy,
            @Schema(description = "The county of the editor who filed it (absent: an admin)") String filedCounty,
            @Schema(required = true) OffsetDateTime filedAt,
            @Schema(description = "Absent while OPEN") Resolution resolution,
            @Schema(required = true, description = "Its evidence documents: the list at this address, uploads to /documents?subject=objection:<id>") String documents) {

        static ObjectionView of(Objection o) {
            Resolution resolution = o.state == ObjectionState.OPEN ? null
                    : new Resolution(o.resolutionReason, o.resolvedBy, o.resolvedAt, o.remedy,
                            o.adjustment == null ? null : o.adjustment.id, o.totalBefore, o.totalAfter,
                            o.breakdownBeforeId, o.breakdownAfterId);
            return new ObjectionView(o.id, o.assessment.id, o.pairing.id, CountyRef.of(o.pairing.industrialCounty),
                    CountyRef.of(o.pairing.mountainCounty), o.program.code, o.year, o.state, o.reason, o.filedBy,
                    o.filedCountyCode, o.filedAt, resolution, "/api/v1/documents?subject=objection:" + o.id);
        }
    }
}
