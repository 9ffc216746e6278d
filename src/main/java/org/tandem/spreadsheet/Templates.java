package org.tandem.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.tandem.indicator.Indicator;
import org.tandem.indicator.PairYearBatches;
import org.tandem.indicator.ValueKind;
import org.tandem.registry.Pairing;
import org.tandem.security.Access;

/**
 * The workbook a pair's county editor fills in: a targets and an actuals sheet in the very layout the import reads
 * ({@link Column}), one row per indicator that takes a value, pre-filled with what is stored and keyed
 * pairing/year/indicator; and the indicator catalogue, DERIVED indicators marked read-only (their actual is
 * computed, so they have no row in the actuals sheet).
 */
@ApplicationScoped
class Templates {

    /** What a template holds, read in a transaction before the workbook is written. */
    record Template(String fileName, long pairing, int year, List<Line> indicators, Map<String, BigDecimal> targets,
            Map<String, BigDecimal> actuals) {
    }

    /** One indicator of the catalogue. */
    record Line(String code, String nameZh, String nameEn, String unit, String track, boolean derived) {
    }

    @Inject
    PairYearBatches batches;
    @Inject
    Access access;

    @Transactional
    Template of(long pairingId, int year) {
        Pairing pairing = batches.pairingIn(pairingId, year);
        access.checkPairing(pairing);
        List<Line> lines = batches.activeIndicators().stream().map(Templates::line).toList();
        return new Template(pairing.program.code + "_" + pairing.id + "_" + year + "_template.xlsx", pairingId, year,
                lines, batches.values(pairingId, year, ValueKind.TARGET),
                batches.values(pairingId, year, ValueKind.ACTUAL));
    }

    private static Line line(Indicator indicator) {
        return new Line(indicator.code, indicator.nameZh, indicator.nameEn, indicator.unit,
                indicator.track == null ? null : indicator.track.code, indicator.isDerived());
    }

    /** Writes the workbook, streaming, in Chinese or English. */
    static void write(Template template, boolean english, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Tandem", "1.0");
        values(workbook.newWorksheet(ImportKind.TARGETS.code), template, template.indicators(), template.targets(),
                english);
        values(workbook.newWorksheet(ImportKind.ACTUALS.code), template,
                template.indicators().stream().filter(line -> !line.derived()).toList(), template.actuals(), english);
        catalogue(workbook.newWorksheet("indicators"), template.indicators(), english);
        workbook.finish();
    }

    private static void values(Worksheet sheet, Template template, List<Line> lines, Map<String, BigDecimal> stored,
            boolean english) {
        Column[] columns = Column.values();
        for (int c = 0; c < columns.length; c++) {
            sheet.value(0, c, columns[c].header(english));
            sheet.style(0, c).bold().fillColor("DDEBF7").set();
        }
        int r = 1;
        for (Line line : lines) {
            sheet.value(r, Column.KEY.ordinal(), ValueSheet.key(template.pairing(), template.year(), line.code()));
            sheet.value(r, Column.PAIRING.ordinal(), template.pairing());
            sheet.value(r, Column.YEAR.ordinal(), template.year());
            sheet.value(r, Column.INDICATOR.ordinal(), line.code());
            sheet.value(r, Column.NAME.ordinal(), english ? line.nameEn() : line.nameZh());
            sheet.value(r, Column.UNIT.ordinal(), line.unit());
            BigDecimal value = stored.get(line.code());
            if (value != null) {
                sheet.value(r, Column.VALUE.ordinal(), value);
            }
            for (Column readOnly : List.of(Column.KEY, Column.PAIRING, Column.YEAR, Column.INDICATOR, Column.NAME,
                    Column.UNIT)) {
                sheet.style(r, readOnly.ordinal()).fillColor("F2F2F2").set();
            }
            r++;
        }
        sheet.freezePane(0, 1);
        sheet.setAutoFilter(0, 0, columns.length - 1);
        sheet.width(Column.KEY.ordinal(), 34);
        sheet.width(Column.INDICATOR.ordinal(), 30);
        sheet.width(Column.NAME.ordinal(), 30);
    }

    private static void catalogue(Worksheet sheet, List<Line> lines, boolean english) {
        String[] headers = english ? new String[] { "code", "name", "unit", "track", "source", "actual" }
                : new String[] { "指标代码", "指标名称", "单位", "方面", "来源", "实际值" };
        for (int c = 0; c < headers.length; c++) {
            sheet.value(0, c, headers[c]);
            sheet.style(0, c).bold().fillColor("DDEBF7").set();
        }
        int r = 1;
        for (Line line : lines) {
            sheet.value(r, 0, line.code());
            sheet.value(r, 1, english ? line.nameEn() : line.nameZh());
            sheet.value(r, 2, line.unit());
            sheet.value(r, 3, line.track());
            sheet.value(r, 4, line.derived() ? "DERIVED" : "REPORTED");
            sheet.value(r, 5, line.derived() ? (english ? "read-only: computed from projects and activities"
                    : "只读：由项目和活动自动计算") : (english ? "entered" : "填报"));
            if (line.derived()) {
                for (int c = 0; c < headers.length; c++) {
                    sheet.style(r, c).fillColor("E7E6E6").italic().set();
                }
            }
            r++;
        }
        sheet.freezePane(0, 1);
        sheet.setAutoFilter(0, 0, headers.length - 1);
        sheet.width(0, 30);
        sheet.width(1, 30);
    }
}
