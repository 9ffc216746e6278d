package org.tandem.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;
import org.tandem.registry.CountyRef;
import org.tandem.web.Weighed;

/**
 * A programme's figures, summed from every record of its pairs (dissolved pairs left out), per group and year.
 * Sums of money have 2 decimals; ratios 4 decimals half-up; means and medians of scores 2 decimals half-up.
 */
@Schema(name = "ProgramSummary", description = "A programme's figures summed over its pairs (dissolved ones left out), per group and year")
public record ProgramSummary(
        @Schema(required = true) String program,
        @Schema(required = true) String programName,
        @Schema(required = true, enumeration = {
                "program", "track", "city", "pairing" }) String groupBy,
        @Schema(description = "The year asked for; absent: every year of the programme, as a series") Integer year,
        @Schema(required = true, description = "When the figures were read: every record committed by then counts") OffsetDateTime asOf,
        @Schema(required = true, description = "Rounding: money 2 decimals; completion and coverage ratios 4 decimals half-up; mean and median scores 2 decimals half-up") String roundingRule,
        @Schema(required = true) List<Group> groups) implements Weighed{

    /** A group's year is a few kilobytes of JSON: counted as several items of the read cache. */
    @Override
    public int keptWeight() {
        return 4 * groups.stream().mapToInt(g -> g.years().size()).sum();
    }

    static final String ROUNDING = "money: 2 decimals; completion and coverage: 4 decimals, HALF_UP; mean and median"
            + " scores: 2 decimals, HALF_UP";

    @Schema(name = "SummaryGroup", description = "One group's figures, year by year")
    public record Group(
            @Schema(required = true, description = "The programme's code, a track code, a city code or a pairing id") String key,
            @Schema(required = true, description = "The group's name: the programme's, the track's, the city's, or the pair's counties") String label,
            @Schema(description = "groupBy=pairing: the pair") Long pairing,
            @Schema(description = "groupBy=pairing") CountyRef industrialCounty,
            @Schema(description = "groupBy=pairing") CountyRef mountainCounty,
            @Schema(description = "How many pairs the group holds; absent for groupBy=track") Long pairings,
            @Schema(required = true) List<YearFigures> years) {
    }

    @Schema(name = "SummaryYear", description = "A group's figures in one year")
    public record YearFigures(
            @Schema(required = true) int year,
            @Schema(required = true, description = "Per lifecycle step (all five, zeros included): the projects that reached it in the year, with their sums") List<ProjectStep> projects,
            @Schema(required = true, description = "Per kind (all six, zeros included): the activities held in the year") List<ActivityKindFigures> activities,
            @Schema(description = "Pairs with a park established by the end of the year; absent for groupBy=track") Parks parks,
            @Schema(required = true, description = "Every indicator with a target or an actual in the group and year") List<IndicatorFigures> indicators,
            @Schema(description = "The workflow state of the pairs' actuals of the year; absent for groupBy=track") Workflow workflow,
            @Schema(required = true) Assessments assessments,
            @Schema(required = true, description = "The funding ledger's sums for the group's pairs in the year (groupBy=track: the entries earmarked for the track)") Funding funding) {
    }

    @Schema(name = "SummaryFunding", description = "Sums of the funding ledger, corrections included; balance = allocated - clawedBack - disbursed (negative: owed back)")
    public record Funding(@Schema(required = true) BigDecimal allocated, @Schema(required = true) BigDecimal disbursed,
            @Schema(required = true) BigDecimal clawedBack, @Schema(required = true) BigDecimal balance) {
    }

    @Schema(name = "SummaryProjectStep")
    public record ProjectStep(
            @Schema(required = true, enumeration = {
                    "PLANNED", "SIGNED", "UNDER_CONSTRUCTION", "IN_PRODUCTION", "CANCELLED" }) String status,
            @Schema(required = true) long projects,
            @Schema(required = true) BigDecimal investment,
            @Schema(required = true) BigDecimal expectedAnnualOutput,
            @Schema(required = true) BigDecimal expectedAnnualTax,
            @Schema(required = true, description = "The same figures per track, tracks without such projects left out") List<ProjectTrack> tracks){
    }

    @Schema(name = "SummaryProjectTrack")
    public record ProjectTrack(@Schema(required = true) String track, @Schema(required = true) long projects,
            @Schema(required = true) BigDecimal investment, @Schema(required = true) BigDecimal expectedAnnualOutput,
            @Schema(required = true) BigDecimal expectedAnnualTax) {
    }

    @Schema(name = "SummaryActivityKind")
    public record ActivityKindFigures(
            @Schema(required = true, enumeration = {
                    "DOCKING_MEETING", "TRAINING", "ENTERPRISE_DIAGNOSIS", "CADRE_SECONDMENT", "SIGNED_AGREEMENT",
                    "OTHER" }) String kind,
            @Schema(required = true) long activities, @Schema(required = true) long participants,
            @Schema(required = true) long enterprises, @Schema(required = true) BigDecimal amount){
    }

    @Schema(name = "SummaryParks")
    public record Parks(@Schema(required = true) long pairings, @Schema(required = true) long pairingsWithPark,
            @Schema(description = "pairingsWithPark / pairings, 4 decimals half-up; absent when there are no pairs") BigDecimal coverage) {
    }

    @Schema(name = "SummaryIndicator")
    public record IndicatorFigures(@Schema(required = true) String indicator, @Schema(required = true) String track,
            @Schema(required = true) String name, @Schema(required = true) String unit,
            @Schema(required = true, enumeration = {
                    "REPORTED", "DERIVED" }) String source,
            @Schema(required = true, enumeration = { "HIGHER_IS_BETTER", "LOWER_IS_BETTER" }) String direction,
            @Schema(required = true, description = "The sum of the pairs' targets") BigDecimal targetSum,
            @Schema(required = true, description = "The sum of the pairs' actuals: reported, or derived from their projects and activities") BigDecimal actualSum,
            @Schema(required = true, description = "How many pairs have a target") long pairingsWithTarget,
            @Schema(description = "actualSum / targetSum (targetSum / actualSum for LOWER_IS_BETTER, as the pair-year progress has it), 4 decimals half-up; absent when the divisor is 0") BigDecimal completion){
    }

    @Schema(name = "SummaryWorkflow", description = "Pairs by the state of their actuals; RETURNED: a DRAFT that was submitted before and sent back; a pair-year nobody touched is a DRAFT")
    public record Workflow(@Schema(required = true) long draft, @Schema(required = true) long submitted,
            @Schema(required = true) long returned, @Schema(required = true) long approved) {
    }

    @Schema(name = "SummaryAssessments", description = "The assessments of the year (COMPUTED or FINALIZED). For groupBy=track only assessed and tracks")
    public record Assessments(@Schema(required = true) long assessed,
            @Schema(description = "How many are FINALIZED; the others are not final") Long finalized,
            Long passed,
            @Schema(description = "How many got each grade; grades nobody got left out") List<GradeCount> grades,
            @Schema(description = "Mean total, 2 decimals half-up; absent when none") BigDecimal meanTotal,
            @Schema(description = "Median total, 2 decimals half-up; absent when none") BigDecimal medianTotal,
            @Schema(required = true, description = "Per track, the mean and median of the track's points") List<TrackScores> tracks,
            @Schema(description = "groupBy=pairing: the pair's rank in the programme-year") Integer rank,
            @Schema(description = "groupBy=pairing: its rank the year before; absent unless assessed in both years") Integer previousRank,
            @Schema(description = "groupBy=pairing: previousRank - rank (positive: moved up)") Integer rankChange) {
    }

    @Schema(name = "SummaryGradeCount")
    public record GradeCount(@Schema(required = true) String grade, @Schema(required = true) String label,
            @Schema(required = true) long count) {
    }

    @Schema(name = "SummaryTrackScores")
    public record TrackScores(@Schema(required = true) String track, @Schema(required = true) long assessed,
            @Schema(required = true) BigDecimal mean, @Schema(required = true) BigDecimal median) {
    }

    /** One row of the export: a group's headline figures in one year. */
    record Row(Group group, YearFigures figures) {

        ProjectStep step(String status) {
            return figures.projects().stream().filter(s -> s.status().equals(status)).findFirst().orElseThrow();
        }

        long activities() {
            return figures.activities().stream().mapToLong(ActivityKindFigures::activities).sum();
        }

        long participants() {
            return figures.activities().stream().mapToLong(ActivityKindFigures::participants).sum();
        }

        long enterprises() {
            return figures.activities().stream().mapToLong(ActivityKindFigures::enterprises).sum();
        }

        BigDecimal amount() {
            return figures.activities().stream().map(ActivityKindFigures::amount).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
        }
    }

    /** The rows of the export: one per group and year, in the order of the JSON. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Group group : groups) {
            for (YearFigures figures : group.years()) {
                rows.add(new Row(group, figures));
            }
        }
        return rows;
    }

    /** The export's columns: a group's headline figures per year. */
    static final Table<Row> TABLE = Table.of("summary",
            Column.text("分组", "Group", r -> r.group().key()),
            Column.text("名称", "Name", r -> r.group().label()),
            Column.integer("年度", "Year", r -> r.figures().year()),
            Column.integer("结对数", "Pairings", r -> r.group().pairings()),
            Column.integer("新谋划项目", "Projects planned", r -> r.step("PLANNED").projects()),
            Column.integer("新签约项目", "Projects signed", r -> r.step("SIGNED").projects()),
            Column.money("签约项目投资", "Investment signed", r -> r.step("SIGNED").investment()),
            Column.integer("新开工项目", "Projects started construction", r -> r.step("UNDER_CONSTRUCTION").projects()),
            Column.integer("新投产项目", "Projects in production", r -> r.step("IN_PRODUCTION").projects()),
            Column.money("投产项目投资", "Investment in production", r -> r.step("IN_PRODUCTION").investment()),
            Column.money("投产项目预计年产值", "Expected annual output in production",
                    r -> r.step("IN_PRODUCTION").expectedAnnualOutput()),
            Column.money("投产项目预计年税收", "Expected annual tax in production",
                    r -> r.step("IN_PRODUCTION").expectedAnnualTax()),
            Column.integer("取消项目", "Projects cancelled", r -> r.step("CANCELLED").projects()),
            Column.integer("活动", "Activities", Row::activities),
            Column.integer("参与人数", "Participants", Row::participants),
            Column.integer("企业数", "Enterprises", Row::enterprises),
            Column.money("活动金额", "Activity amount", Row::amount),
            Column.integer("有园区的结对数", "Pairings with a park",
                    r -> r.figures().parks() == null ? null : r.figures().parks().pairingsWithPark()),
            Column.decimal("园区覆盖率", "Park coverage",
                    r -> r.figures().parks() == null ? null : r.figures().parks().coverage()),
            Column.integer("草稿", "Draft", r -> r.figures().workflow() == null ? null : r.figures().workflow().draft()),
            Column.integer("已提交", "Submitted",
                    r -> r.figures().workflow() == null ? null : r.figures().workflow().submitted()),
            Column.integer("已退回", "Returned",
                    r -> r.figures().workflow() == null ? null : r.figures().workflow().returned()),
            Column.integer("已审核", "Approved",
                    r -> r.figures().workflow() == null ? null : r.figures().workflow().approved()),
            Column.integer("已考核", "Assessed", r -> r.figures().assessments().assessed()),
            Column.integer("已定稿", "Finalized", r -> r.figures().assessments().finalized()),
            Column.integer("合格", "Passed", r -> r.figures().assessments().passed()),
            Column.decimal("平均分", "Mean total", r -> r.figures().assessments().meanTotal()),
            Column.decimal("中位数", "Median total", r -> r.figures().assessments().medianTotal()),
            Column.integer("排名", "Rank", r -> r.figures().assessments().rank()),
            Column.integer("上年排名", "Previous rank", r -> r.figures().assessments().previousRank()),
            Column.money("已分配资金", "Allocated", r -> r.figures().funding().allocated()),
            Column.money("已拨付资金", "Disbursed", r -> r.figures().funding().disbursed()),
            Column.money("已收回资金", "Clawed back", r -> r.figures().funding().clawedBack()),
            Column.money("资金余额", "Funding balance", r -> r.figures().funding().balance()));
}
