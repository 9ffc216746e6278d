package org.tandem.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;
import org.tandem.registry.CountyRef;

@Schema(name = "Project")
record ProjectView(
        @Schema(required = true) long id,
        @Schema(required = true) long pairing,
        @Schema(required = true, examples = "ZJ-MFG-2023") String program,
        @Schema(required = true) String track,
        @Schema(required = true) String title,
        String leadEnterprise,
        @Schema(required = true) CountyRef hostCounty,
        BigDecimal investment,
        BigDecimal expectedAnnualOutput,
        BigDecimal expectedAnnualTax,
        @Schema(required = true) ProjectStatus status,
        @Schema(required = true) LocalDate plannedOn,
        LocalDate signedOn,
        LocalDate constructionStartedOn,
        LocalDate productionStartedOn,
        LocalDate cancelledOn,
        String description) {

    /** The columns of an export of projects. */
    static final Table<ProjectView> TABLE = Table.of("projects",
            Column.integer("项目编号", "ID", ProjectView::id),
            Column.integer("结对编号", "Pairing", ProjectView::pairing),
            Column.text("计划", "Programme", ProjectView::program),
            Column.text("领域", "Track", ProjectView::track),
            Column.text("项目名称", "Title", ProjectView::title),
            Column.text("牵头企业", "Lead enterprise", ProjectView::leadEnterprise),
            Column.text("落地县代码", "Host county code", p -> p.hostCounty().code()),
            Column.text("落地县", "Host county", p -> p.hostCounty().name()),
            Column.money("投资额（元）", "Investment (CNY)", ProjectView::investment),
            Column.money("预计年产值（元）", "Expected annual output (CNY)", ProjectView::expectedAnnualOutput),
            Column.money("预计年税收（元）", "Expected annual tax (CNY)", ProjectView::expectedAnnualTax),
            Column.text("状态", "Status", ProjectView::status),
            Column.date("计划日期", "Planned on", ProjectView::plannedOn),
            Column.date("签约日期", "Signed on", ProjectView::signedOn),
            Column.date("开工日期", "Construction started on", ProjectView::constructionStartedOn),
            Column.date("投产日期", "Production started on", ProjectView::productionStartedOn),
            Column.date("取消日期", "Cancelled on", ProjectView::cancelledOn),
            Column.text("说明", "Description", ProjectView::description));

    static ProjectView of(CooperationProject p) {
        return new ProjectView(p.id, p.pairing.id, p.pairing.program.code, p.track.code, p.title, p.leadEnterprise,
                CountyRef.of(p.hostCounty), p.investment, p.expectedAnnualOutput, p.expectedAnnualTax, p.status,
                p.plannedOn, p.signedOn, p.constructionStartedOn, p.productionStartedOn, p.cancelledOn,
                p.description);
    }

    /** From the columns {@code CooperationRecords} selects for a list, in the order of the record's fields. */
    static ProjectView of(Object[] row) {
        return new ProjectView((Long) row[0], (Long) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], new CountyRef((String) row[6], (String) row[7]), (BigDecimal) row[8],
                (BigDecimal) row[9], (BigDecimal) row[10], (ProjectStatus) row[11], (LocalDate) row[12],
                (LocalDate) row[13], (LocalDate) row[14], (LocalDate) row[15], (LocalDate) row[16], (String) row[17]);
    }
}
