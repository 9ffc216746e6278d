package org.tandem.funding;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;

@Schema(name = "LedgerBalances", description = "Sums of the ledger per group; balance = allocated - clawedBack - disbursed (negative: money owed back)")
record BalancesView(
        @Schema(required = true) String program,
        @Schema(description = "The year asked for; absent: every year") Integer year,
        @Schema(required = true, enumeration = {
                "pairing", "county", "track", "year" }) String groupBy,
        @Schema(required = true, description = "By pairing: each pair; by county: each county with every entry of its pairs; by track: the earmarked track (NONE: not earmarked); by year") List<Balance> items,
        @Schema(required = true, description = "The sums over every entry counted (for groupBy=county each entry once)") Balance totals){

    @Schema(name = "LedgerBalance")
    record Balance(@Schema(required = true) String key, @Schema(required = true) String label,
            @Schema(required = true) BigDecimal allocated, @Schema(required = true) BigDecimal disbursed,
            @Schema(required = true) BigDecimal clawedBack, @Schema(required = true) BigDecimal balance) {
    }

    static final Table<Balance> TABLE = Table.of("balances",
            Column.text("分组", "Group", Balance::key),
            Column.text("名称", "Name", Balance::label),
            Column.money("已分配", "Allocated", Balance::allocated),
            Column.money("已拨付", "Disbursed", Balance::disbursed),
            Column.money("已收回", "Clawed back", Balance::clawedBack),
            Column.money("余额", "Balance", Balance::balance));
}
