package org.tandem.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;
import org.tandem.registry.CountyRef;
import org.tandem.scoring.ScoreResult;
import org.tandem.web.Weighed;

/** What the assessment endpoints take and give. */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    /** The columns of an export of a programme-year's ranking. */
    static final Table<Summary> RANKING = Table.of("ranking",
            Column.integer("排名", "Rank", Summary::rank),
            Column.integer("结对编号", "Pairing", Summary::pairing),
            Column.text("发达县代码", "Industrial county code", a -> a.industrialCounty().code()),
            Column.text("发达县", "Industrial county", a -> a.industrialCounty().name()),
            Column.text("山区县代码", "Mountain county code", a -> a.mountainCounty().code()),
            Column.text("山区县", "Mountain county", a -> a.mountainCounty().name()),
            Column.integer("年度", "Year", Summary::year),
            Column.decimal("总分", "Total", Summary::total),
            Column.text("等次代码", "Grade", Summary::grade),
            Column.text("等次", "Grade label", Summary::gradeLabel),
            Column.text("是否合格", "Passed", a -> a.passed() ? "true" : "false"),
            Column.text("是否否决", "Vetoed", a -> a.vetoed() ? "true" : "false"),
            Column.text("状态", "Status", Summary::status),
            Column.text("阶段", "State", Summary::state),
            Column.integer("评分方案", "Scheme", Summary::scheme),
            Column.integer("考核编号", "Assessment", Summary::id));

    @Schema(name = "AssessmentSummary", description = "One line of a program-year's ranking")
    public record Summary(@Schema(required = true) long id,
            @Schema(required = true) long pairing,
            @Schema(required = true) CountyRef industrialCounty,
            @Schema(required = true) CountyRef mountainCounty,
            @Schema(required = true) int year,
            @Schema(required = true, description = "1 is best; assessments tied under tieBreakRule share a rank and the next one skips (1, 2, 2, 4)") int rank,
            @Schema(required = true) BigDecimal total,
            @Schema(required = true) String grade,
            @Schema(required = true) String gradeLabel,
            @Schema(required = true) boolean passed,
            @Schema(required = true) boolean vetoed,
            @Schema(required = true) AssessmentStatus status,
            @Schema(required = true) long scheme,
            // Boxed: revision snapshots written before the objection window are read back into this record without it.
            @Schema(required = true, description = "COMPUTED; PUBLISHED_FOR_OBJECTIONS once its year is published for objections (公示), until it is finalized; FINALIZED") AssessmentState state) {
    }

    @Schema(name = "Ranking")
    public record Ranking(@Schema(required = true) List<Summary> items, @Schema(required = true) int page,
            @Schema(required = true) int size, @Schema(required = true) long totalItems,
            @Schema(required = true, description = "The rule this ranking was made by: its order, and when assessments share a rank") String tieBreakRule)
            implements
                Weighed {

        @Override
        public int keptWeight() {
            return items.size();
        }
    }

    @Schema(name = "Assessment", description = "An assessment with the breakdown that explains every point")
    public record Detail(@Schema(required = true) Summary summary,
            @Schema(required = true) String program,
            @Schema(required = true) int schemeNumber,
            @Schema(description = "The run that computed this result; a later run that finds the same inputs and result leaves the assessment as it is") Long run,
            @Schema(required = true) String inputsDigest,
            @Schema(required = true, description = "When the run named by run computed this result") OffsetDateTime computedAt,
            OffsetDateTime finalizedAt,
            String finalizedBy,
            @Schema(required = true) ScoreResult breakdown,
            // Boxed: revision snapshots written before breakdowns had ids are read back into this record without it.
            @Schema(required = true, description = "The id of this breakdown at /score-breakdowns/{id}; this assessment's audit events name its breakdowns by such ids") Long breakdownId,
            @Schema(required = true) List<AdjustmentView> adjustments,
            @Schema(required = true) List<RevisionView> revisions,
            @Schema(required = true) String roundingRule,
            @Schema(description = "The objection window of its programme-year; absent until the year is published for objections") ObjectionViews.Window objectionWindow,
            // Boxed: revision snapshots written before the objection window are read back into this record without it.
            @Schema(required = true, description = "Objections to it not yet resolved: while any is, it cannot be finalized") Integer openObjections) {
    }

    @Schema(name = "ScoreBreakdown", description = "A breakdown an assessment held, as it was computed: stored once and never changed."
            + " An assessment's audit events name the breakdowns before and after a change by this id.")
    public record BreakdownView(@Schema(required = true) long id,
            @Schema(required = true, description = "SHA-256 of the breakdown as stored, in hex") String digest,
            @Schema(required = true) OffsetDateTime createdAt,
            @Schema(required = true) ScoreResult breakdown) {
    }

    @Schema(name = "AdjustmentRecord")
    public record AdjustmentView(@Schema(required = true) long id, @Schema(required = true) String item,
            @Schema(required = true) BigDecimal points, @Schema(required = true) String reason,
            @Schema(required = true) String actor, @Schema(required = true) OffsetDateTime createdAt,
            @Schema(description = "The upheld objection that caused it") Long objection) {
    }

    @Schema(name = "AssessmentRevision", description = "The finalized result as it stood before a reopen")
    public record RevisionView(@Schema(required = true) int number, @Schema(required = true) String reason,
            @Schema(required = true) String actor, @Schema(required = true) OffsetDateTime createdAt,
            @Schema(required = true) BigDecimal total, @Schema(required = true) String grade) {
    }

    @Schema(name = "AdjustmentInput")
    public record AdjustmentInput(
            @NotBlank @Size(max = 48) @Schema(required = true, description = "An adjustment item of the scheme", examples = "JOINT_PARK") String item,
            @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) @Schema(required = true, description = "Positive; 0 for a veto", examples = "2") BigDecimal points,
            @NotBlank @Size(max = 1000) @Schema(required = true, examples = "共建南湖遂昌竹产业共富产业园") String reason) {
    }

    @Schema(name = "ReopenInput")
    public record ReopenInput(@NotBlank @Size(max = 1000) @Schema(required = true) String reason) {
    }

    @Schema(name = "Score", description = "A live what-if score; nothing is saved")
    public record Score(@Schema(required = true) long pairing, @Schema(required = true) int year,
            @Schema(required = true) long scheme, @Schema(required = true) int schemeNumber,
            @Schema(required = true) String inputsDigest, @Schema(required = true) ScoreResult result,
            @Schema(required = true) String roundingRule) {
    }
}
