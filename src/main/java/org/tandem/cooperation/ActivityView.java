package org.tandem.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;

@Schema(name = "Activity")
record ActivityView(
        @Schema(required = true) long id,
        @Schema(required = true) long pairing,
        @Schema(required = true) String track,
        @Schema(required = true) ActivityKind kind,
        @Schema(required = true) LocalDate heldOn,
        @Schema(required = true) String title,
        Integer participants,
        Integer enterprises,
        BigDecimal amount,
        String description) {

    /** The columns of an export of activities. */
    static final Table<ActivityView> TABLE = Table.of("activities",
            Column.integer("活动编号", "ID", ActivityView::id),
            Column.integer("结对编号", "Pairing", ActivityView::pairing),
            Column.text("领域", "Track", ActivityView::track),
            Column.text("类型", "Kind", ActivityView::kind),
            Column.date("日期", "Held on", ActivityView::heldOn),
            Column.text("活动名称", "Title", ActivityView::title),
            Column.integer("参加人数", "Participants", ActivityView::participants),
            Column.integer("企业数", "Enterprises", ActivityView::enterprises),
            Column.money("金额（元）", "Amount (CNY)", ActivityView::amount),
            Column.text("说明", "Description", ActivityView::description));

    static ActivityView of(CooperationActivity a) {
        return new ActivityView(a.id, a.pairing.id, a.track.code, a.kind, a.heldOn, a.title, a.participants,
                a.enterprises, a.amount, a.description);
    }
}
