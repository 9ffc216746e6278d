package org.tandem.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.assessment.ObjectionViews;
import org.tandem.export.Column;
import org.tandem.export.Table;
import org.tandem.registry.CountyRef;
import org.tandem.web.Weighed;

/**
 * The annual bulletin (考核通报) of a programme-year: the ranking with grades and every pair's track points, the
 * pairs leading each track, the pairs below the pass mark with the reasons their breakdowns give, and the
 * programme's totals. Assessments not yet finalized are marked on every line, and the bulletin as a whole is
 * provisional while any is; a scheme that is only an example is marked as such.
 */
@Schema(name = "Bulletin", description = "The annual bulletin (考核通报) of a programme-year")
public record Bulletin(
        @Schema(required = true) String program,
        @Schema(required = true) String programName,
        @Schema(required = true) int year,
        @Schema(required = true, description = "When the bulletin was read") OffsetDateTime asOf,
        @Schema(required = true, description = "true while any assessment of the year is not finalized: the bulletin is not final") boolean provisional,
        @Schema(required = true) long assessed,
        @Schema(required = true) long finalized,
        @Schema(required = true, description = "true when a scheme the assessments were computed with is an example, not the official one") boolean exampleScheme,
        @Schema(required = true, description = "What a reader must know first (in Chinese): a provisional bulletin, an example scheme") List<String> notices,
        @Schema(required = true, description = "The schemes the assessments were computed with") List<SchemeUsed> schemes,
        @Schema(required = true, description = "The tracks, in order") List<TrackName> tracks,
        @Schema(required = true, description = "Every assessment, by rank") List<Line> ranking,
        @Schema(required = true, description = "Per track, the pairs with the most points in it (ties all listed)") List<TrackLeaders> leaders,
        @Schema(required = true, description = "The pairs that did not pass, by rank, with the reasons from their breakdowns") List<BelowPassMark> belowPassMark,
        @Schema(required = true, description = "The programme's totals of the year, as the summary gives them") ProgramSummary.YearFigures totals,
        @Schema(description = "The year's objection window (公示), once its assessments have been published for objections") ObjectionViews.Window objectionWindow)
        implements
            Weighed {

    /** A line with its track points is about an item of the read cache; the totals a few. */
    @Override
    public int keptWeight() {
        return ranking.size() + belowPassMark.size() + 4;
    }

    @Schema(name = "BulletinScheme")
    public record SchemeUsed(@Schema(required = true) long id, @Schema(required = true) int number,
            @Schema(required = true) String name, @Schema(required = true) boolean example,
            @Schema(required = true) BigDecimal passMark) {
    }

    @Schema(name = "BulletinTrack")
    public record TrackName(@Schema(required = true) String track, @Schema(required = true) String name) {
    }

    @Schema(name = "BulletinLine", description = "One pair's assessment")
    public record Line(@Schema(required = true) long assessment, @Schema(required = true) long pairing,
            @Schema(required = true) CountyRef industrialCounty, @Schema(required = true) CountyRef mountainCounty,
            Integer rank, @Schema(required = true) BigDecimal total, @Schema(required = true) String grade,
            @Schema(required = true) String gradeLabel, @Schema(required = true) boolean passed,
            @Schema(required = true) boolean vetoed,
            @Schema(required = true, enumeration = {
                    "COMPUTED", "FINALIZED" }) String status,
            @Schema(required = true, enumeration = { "COMPUTED", "PUBLISHED_FOR_OBJECTIONS",
                    "FINALIZED" }, description = "computed, published for objections (公示) until finalized, or final") String state,
            @Schema(required = true, description = "false: not final, the result may still change") boolean isFinal,
            @Schema(required = true) List<TrackPoints> tracks){

        /** The points of {@code track}, or null when the scheme does not weigh it. */
        public BigDecimal pointsOf(String track) {
            return tracks.stream().filter(t -> t.track().equals(track)).map(TrackPoints::points).findFirst()
                    .orElse(null);
        }

        /** Published for objections (公示) and not finalized yet. */
        public boolean published() {
            return "PUBLISHED_FOR_OBJECTIONS".equals(state);
        }

        public String pair() {
            return industrialCounty.name() + "—" + mountainCounty.name();
        }
    }

    @Schema(name = "BulletinTrackPoints")
    public record TrackPoints(@Schema(required = true) String track, @Schema(required = true) BigDecimal points,
            @Schema(required = true) BigDecimal maxPoints) {
    }

    @Schema(name = "BulletinTrackLeaders")
    public record TrackLeaders(@Schema(required = true) String track, @Schema(required = true) String name,
            @Schema(required = true) BigDecimal points, @Schema(required = true) List<Leader> pairs) {
    }

    @Schema(name = "BulletinLeader")
    public record Leader(@Schema(required = true) long pairing, @Schema(required = true) String pair,
            @Schema(required = true) boolean isFinal) {
    }

    @Schema(name = "BulletinBelowPassMark")
    public record BelowPassMark(@Schema(required = true) Line line,
            @Schema(required = true, description = "Vetoes, deductions, then the indicators that lost the most points") List<Reason> reasons) {
    }

    @Schema(name = "BulletinReason")
    public record Reason(@Schema(required = true, enumeration = {
            "VETO", "DEDUCTION", "INDICATOR" }) String kind,
            String track, String indicator,
            @Schema(description = "Points lost: a deduction applied, or an indicator's points short of its maximum") BigDecimal pointsLost,
            @Schema(required = true, description = "The breakdown's own words: a veto or deduction's reason, an indicator's rule") String detail){
    }

    /** The columns of the bulletin's export: one row per assessment, with each track's points. */
    static Table<Line> table(List<TrackName> tracks, boolean exampleScheme) {
        List<Column<Line>> columns = new ArrayList<>(List.of(
                Column.integer("排名", "Rank", Line::rank),
                Column.integer("结对编号", "Pairing", Line::pairing),
                Column.text("发达县", "Industrial county", l -> l.industrialCounty().name()),
                Column.text("山区县", "Mountain county", l -> l.mountainCounty().name()),
                Column.decimal("总分", "Total", Line::total),
                Column.text("等次", "Grade", Line::gradeLabel),
                Column.text("是否合格", "Passed", l -> l.passed() ? "合格" : "不合格"),
                Column.text("考核状态", "Status", l -> l.isFinal() ? "已定稿"
                        : l.published() ? "未定稿（公示中，非最终结果）" : "未定稿（非最终结果）")));
        for (TrackName track : tracks) {
            columns.add(Column.decimal(track.name(), track.track(), l -> l.pointsOf(track.track())));
        }
        columns.add(Column.text("评分方案", "Scheme", l -> exampleScheme ? "示例方案（非官方）" : "正式方案"));
        return new Table<>("bulletin", columns);
    }
}
