package org.tandem.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;
import org.tandem.registry.CountyRef;

@Schema(name = "LedgerEntry", description = "An entry of the funding ledger, never changed; a correction reverses another")
record EntryView(
        @Schema(required = true) long id,
        @Schema(required = true) String program,
        @Schema(required = true) long pairing,
        @Schema(required = true) CountyRef industrialCounty,
        @Schema(required = true) CountyRef mountainCounty,
        @Schema(required = true) int year,
        @Schema(required = true) EntryKind kind,
        @Schema(required = true, enumeration = {
                "ALLOCATION", "DISBURSEMENT", "CLAWBACK" }, description = "The total the entry changes") EntryKind effect,
        @Schema(required = true, description = "Signed CNY: a correction has the reversed entry's amount, negated") BigDecimal amount,
        String track,
        Long allocation,
        Long assessment,
        @Schema(description = "A correction: the entry it reverses") Long reverses,
        @Schema(description = "The correction that reverses this entry, once one does (an entry is reversed at most once)") Long reversedBy,
        LocalDate paidOn,
        String reference,
        String reason,
        @Schema(required = true) boolean override,
        @Schema(required = true) String recordedBy,
        @Schema(required = true) OffsetDateTime recordedAt){

    static final Table<EntryView> TABLE = Table.of("ledger",
            Column.integer("编号", "Id", EntryView::id),
            Column.text("计划", "Program", EntryView::program),
            Column.integer("结对", "Pairing", EntryView::pairing),
            Column.text("工业大县", "Industrial county", e -> e.industrialCounty().name()),
            Column.text("山区县", "Mountain county", e -> e.mountainCounty().name()),
            Column.integer("年度", "Year", EntryView::year),
            Column.text("类型", "Kind", EntryView::kind),
            Column.text("影响", "Effect", EntryView::effect),
            Column.money("金额", "Amount", EntryView::amount),
            Column.text("赛道", "Track", EntryView::track),
            Column.integer("冲正分录", "Reverses", EntryView::reverses),
            Column.integer("被冲正于", "Reversed by", EntryView::reversedBy),
            Column.date("支付日期", "Paid on", EntryView::paidOn),
            Column.text("凭证号", "Reference", EntryView::reference),
            Column.text("事由", "Reason", EntryView::reason),
            Column.text("超额核准", "Override", e -> e.override() ? "是" : ""),
            Column.text("记录人", "Recorded by", EntryView::recordedBy),
            Column.timestamp("记录时间", "Recorded at", EntryView::recordedAt));
}
