package org.tandem.assessment;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;

@Schema(name = "AssessmentRun")
record RunView(
        @Schema(required = true) long id,
        @Schema(required = true) String program,
        @Schema(required = true) int year,
        @Schema(required = true, description = "The published scheme version the run scores with") long scheme,
        @Schema(required = true) RunStatus status,
        @Schema(required = true) String requestedBy,
        @Schema(required = true) OffsetDateTime requestedAt,
        OffsetDateTime finishedAt,
        @Schema(description = "Pairings scored by this run") Integer pairingsAssessed,
        @Schema(description = "Pairings left alone because their assessment is finalized") Integer pairingsFinalized,
        Long durationMs,
        String error) {

    /** The columns of an export of assessment runs. */
    static final Table<RunView> TABLE = Table.of("assessment-runs",
            Column.integer("运行编号", "ID", RunView::id),
            Column.text("计划", "Programme", RunView::program),
            Column.integer("年度", "Year", RunView::year),
            Column.integer("方案编号", "Scheme", RunView::scheme),
            Column.text("状态", "Status", RunView::status),
            Column.text("发起人", "Requested by", RunView::requestedBy),
            Column.timestamp("发起时间（UTC）", "Requested at (UTC)", RunView::requestedAt),
            Column.timestamp("完成时间（UTC）", "Finished at (UTC)", RunView::finishedAt),
            Column.integer("已评估结对数", "Pairings assessed", RunView::pairingsAssessed),
            Column.integer("已定稿结对数", "Pairings finalized", RunView::pairingsFinalized),
            Column.integer("耗时（毫秒）", "Duration (ms)", RunView::durationMs),
            Column.text("错误", "Error", RunView::error));

    static RunView of(AssessmentRun r) {
        return new RunView(r.id, r.program.code, r.year, r.scheme.id, r.status, r.requestedBy, r.requestedAt,
                r.finishedAt, r.pairingsAssessed, r.pairingsFinalized, r.durationMs, r.error);
    }
}
