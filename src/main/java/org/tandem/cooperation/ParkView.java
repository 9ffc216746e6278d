package org.tandem.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;
import org.tandem.registry.CountyRef;

@Schema(name = "Park")
record ParkView(
        @Schema(required = true) long id,
        @Schema(required = true) long pairing,
        @Schema(required = true) String name,
        @Schema(required = true) CountyRef hostCounty,
        LocalDate establishedOn,
        BigDecimal areaMu,
        String focusIndustry) {

    /** The columns of an export of parks. */
    static final Table<ParkView> TABLE = Table.of("parks",
            Column.integer("园区编号", "ID", ParkView::id),
            Column.integer("结对编号", "Pairing", ParkView::pairing),
            Column.text("园区名称", "Name", ParkView::name),
            Column.text("所在县代码", "Host county code", p -> p.hostCounty().code()),
            Column.text("所在县", "Host county", p -> p.hostCounty().name()),
            Column.date("设立日期", "Established on", ParkView::establishedOn),
            Column.decimal("面积（亩）", "Area (mu)", ParkView::areaMu),
            Column.text("主导产业", "Focus industry", ParkView::focusIndustry));

    static ParkView of(CooperationPark p) {
        return new ParkView(p.id, p.pairing.id, p.name, CountyRef.of(p.hostCounty), p.establishedOn, p.areaMu,
                p.focusIndustry);
    }
}
