package org.tandem.registry;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;

@Schema(name = "Pairing")
public record PairingView(
        @Schema(required = true) long id,
        @Schema(required = true, examples = "ZJ-MFG-2023") String program,
        @Schema(required = true) CountyRef industrialCounty,
        @Schema(required = true) CountyRef mountainCounty,
        LocalDate formedOn,
        @Schema(required = true) PairingStatus status,
        Evidence evidence,
        String sourceNote) {

    /** The columns of an export of pairings. */
    public static final Table<PairingView> TABLE = Table.of("pairings",
            Column.integer("结对编号", "ID", PairingView::id),
            Column.text("计划", "Programme", PairingView::program),
            Column.text("发达县代码", "Industrial county code", p -> p.industrialCounty().code()),
            Column.text("发达县", "Industrial county", p -> p.industrialCounty().name()),
            Column.text("山区县代码", "Mountain county code", p -> p.mountainCounty().code()),
            Column.text("山区县", "Mountain county", p -> p.mountainCounty().name()),
            Column.date("结对日期", "Formed on", PairingView::formedOn),
            Column.text("状态", "Status", PairingView::status),
            Column.text("依据", "Evidence", PairingView::evidence),
            Column.text("来源说明", "Source note", PairingView::sourceNote));

    public static PairingView of(Pairing pairing) {
        return new PairingView(pairing.id, pairing.program.code, CountyRef.of(pairing.industrialCounty),
                CountyRef.of(pairing.mountainCounty), pairing.formedOn, pairing.status, pairing.evidence,
                pairing.sourceNote);
    }
}
