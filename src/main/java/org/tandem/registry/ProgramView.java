package org.tandem.registry;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;

@Schema(name = "Program")
public record ProgramView(
        @Schema(required = true, examples = "ZJ-MFG-2023") String code,
        @Schema(required = true) String name,
        @Schema(required = true) int startYear,
        @Schema(required = true) int endYear,
        @Schema(description = "CNY per year") BigDecimal annualBudget) {

    /** The columns of an export of programmes. */
    public static final Table<ProgramView> TABLE = Table.of("programs",
            Column.text("计划代码", "Code", ProgramView::code),
            Column.text("计划名称", "Name", ProgramView::name),
            Column.integer("起始年", "Start year", ProgramView::startYear),
            Column.integer("结束年", "End year", ProgramView::endYear),
            Column.money("年度预算（元）", "Annual budget (CNY)", ProgramView::annualBudget));

    public static ProgramView of(Program program) {
        return new ProgramView(program.code, program.name, program.startYear, program.endYear, program.annualBudget);
    }
}
