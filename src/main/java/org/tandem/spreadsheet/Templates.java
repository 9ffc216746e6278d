package org.tandem.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;

import org.dhatim.fastexcel.Range;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.ProjectStatus;
import org.tandem.cooperation.RecordBatches;
import org.tandem.indicator.Indicator;
import org.tandem.indicator.PairYearBatches;
import org.tandem.indicator.ValueKind;
import org.tandem.problem.ProblemException;
import org.tandem.registry.County;
import org.tandem.registry.Pairing;
import org.tandem.registry.PairingBatches;
import org.tandem.registry.PairingStatus;
import org.tandem.registry.Program;
import org.tandem.registry.Track;
import org.tandem.security.Access;

/**
 * The workbook county editors (one pair-year) or the province (a programme-year) fill in: a targets and an actuals
 * sheet in the very layout the import reads ({@link Column}), one row per pairing and indicator that takes a value,
 * pre-filled with what is stored and keyed pairing/year/indicator; projects, activities and parks sheets in the
 * layout of their imports ({@link RecordImports}), pre-filled and keyed by id (an empty key adds a record); the
 * indicator catalogue, DERIVED indicators marked read-only (their actual is computed, so they have no row in the
 * actuals sheet); and the allowed values (tracks, activity kinds, statuses, indicator codes), which the cells that
 * take them offer as in-cell lists.
 */
@ApplicationScoped
class Templates {

    /** What a template holds, read in a transaction before the workbook is written. */
    record Template(String fileName, List<Long> pairings, int year, List<Line> indicators,
            Map<Long, Map<String, BigDecimal>> targets, Map<Long, Map<String, BigDecimal>> actuals,
            List<RecordBatches.ProjectRow> projects, List<RecordBatches.ActivityRow> activities,
            List<RecordBatches.ParkRow> parks, List<String> tracks, List<PairingBatches.PairingRow> pairingRows,
            Map<String, String> countyNames) {
    }

    /** One indicator of the catalogue. */
    record Line(String code, String nameZh, String nameEn, String unit, String track, boolean derived) {
    }

    /** What a template holds, for the contract of both template endpoints. */
    static final String SHEETS = "Sheets in the layouts POST /api/v1/imports reads: targets and actuals (key, pairing, year, "
            + "indicator, name, unit, value; one row per pairing and active indicator that takes a value, no actual for a "
            + "DERIVED one, with the stored values); projects, activities and parks (key = the record's id, empty for a new "
            + "one; a project's status is shown, its steps are dates); the indicator catalogue (code, name, unit, track, "
            + "REPORTED or DERIVED, derived ones marked read-only); and lists of the allowed values (tracks, activity kinds, "
            + "project statuses, indicator codes), which the cells taking them offer as in-cell lists. Headers and names "
            + "in Chinese, English with Accept-Language: en.";

    /** Rows a list validation covers beyond those written, for rows a clerk adds. */
    private static final int ROOM = 1000;

    @Inject
    PairYearBatches batches;
    @Inject
    RecordBatches records;
    @Inject
    PairingBatches pairingBatches;
    @Inject
    Access access;

    /** One pair-year: every project and park of the pairing, the activities of the year. */
    @Transactional
    Template of(long pairingId, int year) {
        Pairing pairing = batches.pairingIn(pairingId, year);
        access.checkPairing(pairing);
        List<Long> pairings = List.of(pairingId);
        return template(pairing.program.code + "_" + pairing.id + "_" + year + "_template.xlsx", pairings, year,
                records.projectsOf(pairings, null), List.of());
    }

    /** A programme-year: every pairing of it not dissolved, the projects with a step in the year. */
    @Transactional
    Template ofProgram(String programCode, int year) {
        Program program = Program.require(programCode);
        if (!program.covers(year)) {
            throw ProblemException.invalid("year", "must be within the years of program " + program.code + " ("
                    + program.startYear + "–" + program.endYear + ")");
        }
        List<Long> pairings = Pairing.<Pairing> list("program = ?1 and status <> ?2 order by id", program,
                PairingStatus.DISSOLVED).stream().map(p -> p.id).toList();
        return template(program.code + "_" + year + "_template.xlsx", pairings, year,
                records.projectsOf(pairings, year), pairingBatches.pairingsOf(program.code));
    }

    private Template template(String fileName, List<Long> pairings, int year,
            List<RecordBatches.ProjectRow> projects, List<PairingBatches.PairingRow> pairingRows) {
        List<Line> lines = batches.activeIndicators().stream().map(Templates::line).toList();
        List<String> tracks = Track.<Track> list("order by position").stream().map(t -> t.code).toList();
        return new Template(fileName, pairings, year, lines, batches.values(pairings, year, ValueKind.TARGET),
                batches.values(pairings, year, ValueKind.ACTUAL), projects, records.activitiesOf(pairings, year),
                records.parksOf(pairings), tracks, pairingRows,
                pairingRows.isEmpty() ? Map.of()
                        : County.<County> listAll().stream().collect(Collectors.toMap(c -> c.code, c -> c.name)));
    }

    private static Line line(Indicator indicator) {
        return new Line(indicator.code, indicator.nameZh, indicator.nameEn, indicator.unit,
                indicator.track == null ? null : indicator.track.code, indicator.isDerived());
    }

    /** The workbook as the answer of a template endpoint: streamed, an attachment named by the template. */
    static RestResponse<StreamingOutput> attachment(Template template, boolean english) {
        StreamingOutput body = out -> write(template, english, out);
        return RestResponse.ResponseBuilder.ok(body, SpreadsheetTypes.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + template.fileName() + "\"").build();
    }

    /** Writes the workbook, streaming, in Chinese or English. */
    static void write(Template template, boolean english, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Tandem", "1.0");
        Worksheet targets = workbook.newWorksheet(ImportKind.TARGETS.code);
        Worksheet actuals = workbook.newWorksheet(ImportKind.ACTUALS.code);
        Worksheet projects = workbook.newWorksheet(ImportKind.PROJECTS.code);
        Worksheet activities = workbook.newWorksheet(ImportKind.ACTIVITIES.code);
        Worksheet parks = workbook.newWorksheet(ImportKind.PARKS.code);
        Worksheet pairings = template.pairingRows().isEmpty() ? null
                : workbook.newWorksheet(ImportKind.PAIRINGS.code);
        Worksheet catalogue = workbook.newWorksheet("indicators");
        Lists lists = Lists.write(workbook.newWorksheet("lists"), template, english);
        int targetRows = values(targets, template, template.indicators(), template.targets(), english);
        List<Line> reported = template.indicators().stream().filter(line -> !line.derived()).toList();
        int actualRows = values(actuals, template, reported, template.actuals(), english);
        targets.range(1, Column.INDICATOR.ordinal(), targetRows + ROOM, Column.INDICATOR.ordinal())
                .validateWithList(lists.indicators());
        actuals.range(1, Column.INDICATOR.ordinal(), actualRows + ROOM, Column.INDICATOR.ordinal())
                .validateWithList(lists.reported());
        projects(projects, template.projects(), english, lists);
        activities(activities, template.activities(), english, lists);
        parks(parks, template.parks(), english);
        if (pairings != null) {
            pairings(pairings, template, english);
        }
        catalogue(catalogue, template.indicators(), english);
        workbook.finish();
    }

    /** The allowed values, a column each, and their ranges for list validations. */
    private record Lists(Range tracks, Range kinds, Range indicators, Range reported) {

        static Lists write(Worksheet sheet, Template template, boolean english) {
            List<String> kinds = Arrays.stream(ActivityKind.values()).map(Enum::name).toList();
            List<String> statuses = Arrays.stream(ProjectStatus.values()).map(Enum::name).toList();
            List<String> indicators = template.indicators().stream().map(Line::code).toList();
            List<String> reported = template.indicators().stream().filter(l -> !l.derived()).map(Line::code).toList();
            List<List<String>> columns = List.of(template.tracks(), kinds, statuses, indicators, reported);
            String[] headers = english
                    ? new String[] { "tracks", "activity kinds", "project statuses", "indicators", "reported indicators" }
                    : new String[] { "合作方面", "活动类型", "项目状态", "指标代码", "填报指标代码" };
            Range[] ranges = new Range[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                header(sheet, 0, c, headers[c]);
                List<String> values = columns.get(c);
                for (int r = 0; r < values.size(); r++) {
                    sheet.value(r + 1, c, values.get(r));
                }
                ranges[c] = sheet.range(1, c, Math.max(1, values.size()), c);
                sheet.width(c, 28);
            }
            sheet.freezePane(0, 1);
            return new Lists(ranges[0], ranges[1], ranges[3], ranges[4]);
        }
    }

    private static void header(Worksheet sheet, int row, int column, String text) {
        sheet.value(row, column, text);
        sheet.style(row, column).bold().fillColor("DDEBF7").set();
    }

    /** Rows of values, one per pairing and indicator; returns how many. */
    private static int values(Worksheet sheet, Template template, List<Line> lines,
            Map<Long, Map<String, BigDecimal>> stored, boolean english) {
        Column[] columns = Column.values();
        for (int c = 0; c < columns.length; c++) {
            header(sheet, 0, c, columns[c].header(english));
        }
        int r = 1;
        for (long pairing : template.pairings()) {
            Map<String, BigDecimal> values = stored.getOrDefault(pairing, Map.of());
            for (Line line : lines) {
                sheet.value(r, Column.KEY.ordinal(), ValueSheet.key(pairing, template.year(), line.code()));
                sheet.value(r, Column.PAIRING.ordinal(), pairing);
                sheet.value(r, Column.YEAR.ordinal(), template.year());
                sheet.value(r, Column.INDICATOR.ordinal(), line.code());
                sheet.value(r, Column.NAME.ordinal(), english ? line.nameEn() : line.nameZh());
                sheet.value(r, Column.UNIT.ordinal(), line.unit());
                BigDecimal value = values.get(line.code());
                if (value != null) {
                    sheet.value(r, Column.VALUE.ordinal(), value);
                }
                for (Column readOnly : List.of(Column.KEY, Column.PAIRING, Column.YEAR, Column.INDICATOR, Column.NAME,
                        Column.UNIT)) {
                    sheet.style(r, readOnly.ordinal()).fillColor("F2F2F2").set();
                }
                r++;
            }
        }
        sheet.freezePane(0, 1);
        sheet.setAutoFilter(0, 0, columns.length - 1);
        sheet.width(Column.KEY.ordinal(), 34);
        sheet.width(Column.INDICATOR.ordinal(), 30);
        sheet.width(Column.NAME.ordinal(), 30);
        return r - 1;
    }

    /** The header of a records sheet, from its fields; returns each field's column. */
    private static Map<String, Integer> recordHeader(Worksheet sheet, List<RecordSheet.Field> fields, boolean english) {
        Map<String, Integer> columns = new java.util.HashMap<>();
        for (int c = 0; c < fields.size(); c++) {
            header(sheet, 0, c, fields.get(c).header(english));
            columns.put(fields.get(c).en(), c);
            sheet.width(c, fields.get(c).type() == RecordSheet.Type.TEXT ? 24 : 14);
        }
        sheet.freezePane(0, 1);
        sheet.setAutoFilter(0, 0, fields.size() - 1);
        return columns;
    }

    private static void projects(Worksheet sheet, List<RecordBatches.ProjectRow> rows, boolean english, Lists lists) {
        Map<String, Integer> c = recordHeader(sheet, RecordImports.PROJECT_FIELDS, english);
        int r = 1;
        for (RecordBatches.ProjectRow row : rows) {
            var p = row.details();
            var steps = row.steps();
            key(sheet, r, c, row.id(), row.pairing());
            sheet.value(r, c.get("track"), p.track());
            sheet.value(r, c.get("title"), p.title());
            text(sheet, r, c.get("leadEnterprise"), p.leadEnterprise());
            sheet.value(r, c.get("hostCounty"), p.hostCounty());
            money(sheet, r, c.get("investment"), p.investment());
            money(sheet, r, c.get("expectedAnnualOutput"), p.expectedAnnualOutput());
            money(sheet, r, c.get("expectedAnnualTax"), p.expectedAnnualTax());
            sheet.value(r, c.get("status"), RecordBatches.status(steps).name());
            sheet.style(r, c.get("status")).fillColor("F2F2F2").set();
            date(sheet, r, c.get("plannedOn"), p.plannedOn());
            date(sheet, r, c.get("signedOn"), steps.signedOn());
            date(sheet, r, c.get("constructionStartedOn"), steps.constructionStartedOn());
            date(sheet, r, c.get("productionStartedOn"), steps.productionStartedOn());
            date(sheet, r, c.get("cancelledOn"), steps.cancelledOn());
            text(sheet, r, c.get("description"), p.description());
            r++;
        }
        sheet.range(1, c.get("track"), rows.size() + ROOM, c.get("track")).validateWithList(lists.tracks());
    }

    private static void activities(Worksheet sheet, List<RecordBatches.ActivityRow> rows, boolean english,
            Lists lists) {
        Map<String, Integer> c = recordHeader(sheet, RecordImports.ACTIVITY_FIELDS, english);
        int r = 1;
        for (RecordBatches.ActivityRow row : rows) {
            var a = row.details();
            key(sheet, r, c, row.id(), row.pairing());
            sheet.value(r, c.get("track"), a.track());
            sheet.value(r, c.get("kind"), a.kind().name());
            date(sheet, r, c.get("heldOn"), a.heldOn());
            sheet.value(r, c.get("title"), a.title());
            if (a.participants() != null) {
                sheet.value(r, c.get("participants"), a.participants());
            }
            if (a.enterprises() != null) {
                sheet.value(r, c.get("enterprises"), a.enterprises());
            }
            money(sheet, r, c.get("amount"), a.amount());
            text(sheet, r, c.get("description"), a.description());
            r++;
        }
        sheet.range(1, c.get("track"), rows.size() + ROOM, c.get("track")).validateWithList(lists.tracks());
        sheet.range(1, c.get("kind"), rows.size() + ROOM, c.get("kind")).validateWithList(lists.kinds());
    }

    private static void parks(Worksheet sheet, List<RecordBatches.ParkRow> rows, boolean english) {
        Map<String, Integer> c = recordHeader(sheet, RecordImports.PARK_FIELDS, english);
        int r = 1;
        for (RecordBatches.ParkRow row : rows) {
            var p = row.details();
            key(sheet, r, c, row.id(), row.pairing());
            sheet.value(r, c.get("name"), p.name());
            sheet.value(r, c.get("hostCounty"), p.hostCounty());
            date(sheet, r, c.get("establishedOn"), p.establishedOn());
            if (p.areaMu() != null) {
                sheet.value(r, c.get("areaMu"), p.areaMu());
                sheet.style(r, c.get("areaMu")).format("0.00").set();
            }
            text(sheet, r, c.get("focusIndustry"), p.focusIndustry());
            r++;
        }
    }

    private static void pairings(Worksheet sheet, Template template, boolean english) {
        Map<String, Integer> c = recordHeader(sheet, RecordImports.PAIRING_FIELDS, english);
        int r = 1;
        for (PairingBatches.PairingRow row : template.pairingRows()) {
            var p = row.details();
            sheet.value(r, c.get("key"), row.id());
            sheet.style(r, c.get("key")).fillColor("F2F2F2").set();
            sheet.value(r, c.get("program"), p.program());
            sheet.value(r, c.get("industrialCounty"), p.industrialCounty());
            text(sheet, r, c.get("industrialCountyName"), template.countyNames().get(p.industrialCounty()));
            sheet.value(r, c.get("mountainCounty"), p.mountainCounty());
            text(sheet, r, c.get("mountainCountyName"), template.countyNames().get(p.mountainCounty()));
            date(sheet, r, c.get("formedOn"), p.formedOn());
            text(sheet, r, c.get("status"), p.status() == null ? null : p.status().name());
            text(sheet, r, c.get("evidence"), p.evidence() == null ? null : p.evidence().name());
            text(sheet, r, c.get("sourceNote"), p.sourceNote());
            r++;
        }
    }

    private static void key(Worksheet sheet, int r, Map<String, Integer> c, long id, long pairing) {
        sheet.value(r, c.get("key"), id);
        sheet.value(r, c.get("pairing"), pairing);
        sheet.style(r, c.get("key")).fillColor("F2F2F2").set();
    }

    private static void text(Worksheet sheet, int r, int c, String text) {
        if (text != null) {
            sheet.value(r, c, text);
        }
    }

    private static void money(Worksheet sheet, int r, int c, BigDecimal amount) {
        if (amount != null) {
            sheet.value(r, c, amount);
            sheet.style(r, c).format("#,##0.00").set();
        }
    }

    private static void date(Worksheet sheet, int r, int c, LocalDate date) {
        if (date != null) {
            sheet.value(r, c, date);
            sheet.style(r, c).format("yyyy-mm-dd").set();
        }
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
