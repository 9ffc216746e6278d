package org.tandem.spreadsheet;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.tandem.RowResult;
import org.tandem.cooperation.ActivityInput;
import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.ParkInput;
import org.tandem.cooperation.ProjectInput;
import org.tandem.cooperation.ProjectStatus;
import org.tandem.cooperation.RecordBatches;
import org.tandem.problem.Problem;
import org.tandem.problem.Violations;
import org.tandem.registry.Evidence;
import org.tandem.registry.PairingBatches;
import org.tandem.registry.PairingInput;
import org.tandem.registry.PairingStatus;
import org.tandem.web.DateRange;

/**
 * The rows of a projects, activities or parks sheet as the records the JSON API writes: each row becomes the
 * API's input, checked by the same constraints as a JSON body (an error names the cell), and the rows that pass
 * are written (or, in a dry run, tried) by {@link RecordBatches}, whose refusals name their cells too.
 */
@ApplicationScoped
class RecordImports {

    private static final String MISSING = "missing-value";
    private static final RecordSheet.Field KEY = new RecordSheet.Field("key", "编号", RecordSheet.Type.KEY);
    private static final RecordSheet.Field PAIRING = new RecordSheet.Field("pairing", "结对编号",
            RecordSheet.Type.INTEGER);
    private static final RecordSheet.Field TRACK = new RecordSheet.Field("track", "方面代码", RecordSheet.Type.TEXT);
    private static final RecordSheet.Field DESCRIPTION = new RecordSheet.Field("description", "说明",
            RecordSheet.Type.TEXT);

    static final List<RecordSheet.Field> PROJECT_FIELDS = List.of(KEY, PAIRING, TRACK,
            new RecordSheet.Field("title", "项目名称", RecordSheet.Type.TEXT),
            new RecordSheet.Field("leadEnterprise", "牵头企业", RecordSheet.Type.TEXT),
            new RecordSheet.Field("hostCounty", "落地县代码", RecordSheet.Type.TEXT),
            new RecordSheet.Field("investment", "总投资（元）", RecordSheet.Type.DECIMAL),
            new RecordSheet.Field("expectedAnnualOutput", "预计年产值（元）", RecordSheet.Type.DECIMAL),
            new RecordSheet.Field("expectedAnnualTax", "预计年税收（元）", RecordSheet.Type.DECIMAL),
            new RecordSheet.Field("status", "状态", RecordSheet.Type.INFO),
            new RecordSheet.Field("plannedOn", "谋划日期", RecordSheet.Type.DATE),
            new RecordSheet.Field("signedOn", "签约日期", RecordSheet.Type.DATE),
            new RecordSheet.Field("constructionStartedOn", "开工日期", RecordSheet.Type.DATE),
            new RecordSheet.Field("productionStartedOn", "投产日期", RecordSheet.Type.DATE),
            new RecordSheet.Field("cancelledOn", "取消日期", RecordSheet.Type.DATE), DESCRIPTION);

    static final List<RecordSheet.Field> ACTIVITY_FIELDS = List.of(KEY, PAIRING, TRACK,
            new RecordSheet.Field("kind", "活动类型", RecordSheet.Type.TEXT),
            new RecordSheet.Field("heldOn", "活动日期", RecordSheet.Type.DATE),
            new RecordSheet.Field("title", "活动名称", RecordSheet.Type.TEXT),
            new RecordSheet.Field("participants", "参与人数", RecordSheet.Type.INTEGER),
            new RecordSheet.Field("enterprises", "涉及企业数", RecordSheet.Type.INTEGER),
            new RecordSheet.Field("amount", "金额（元）", RecordSheet.Type.DECIMAL), DESCRIPTION);

    static final List<RecordSheet.Field> PARK_FIELDS = List.of(KEY, PAIRING,
            new RecordSheet.Field("name", "园区名称", RecordSheet.Type.TEXT),
            new RecordSheet.Field("hostCounty", "所在县代码", RecordSheet.Type.TEXT),
            new RecordSheet.Field("establishedOn", "设立日期", RecordSheet.Type.DATE),
            new RecordSheet.Field("areaMu", "面积（亩）", RecordSheet.Type.DECIMAL),
            new RecordSheet.Field("focusIndustry", "主导产业", RecordSheet.Type.TEXT));

    static final List<RecordSheet.Field> PAIRING_FIELDS = List.of(KEY,
            new RecordSheet.Field("program", "计划代码", RecordSheet.Type.TEXT),
            new RecordSheet.Field("industrialCounty", "产业县代码", RecordSheet.Type.TEXT),
            new RecordSheet.Field("industrialCountyName", "产业县", RecordSheet.Type.INFO),
            new RecordSheet.Field("mountainCounty", "山区县代码", RecordSheet.Type.TEXT),
            new RecordSheet.Field("mountainCountyName", "山区县", RecordSheet.Type.INFO),
            new RecordSheet.Field("formedOn", "结对日期", RecordSheet.Type.DATE),
            new RecordSheet.Field("status", "状态", RecordSheet.Type.TEXT),
            new RecordSheet.Field("evidence", "依据", RecordSheet.Type.TEXT),
            new RecordSheet.Field("sourceNote", "来源说明", RecordSheet.Type.TEXT));

    /** The steps a projects sheet may add, by column. */
    private static final Map<String, ProjectStatus> STEP_FIELDS = Map.of("signedOn", ProjectStatus.SIGNED,
            "constructionStartedOn", ProjectStatus.UNDER_CONSTRUCTION, "productionStartedOn",
            ProjectStatus.IN_PRODUCTION, "cancelledOn", ProjectStatus.CANCELLED);

    /** The outcome of every row that was read: by row number, its record's id, its outcome or its errors. */
    record Outcomes(Map<Integer, RowResult> results, List<Problem.FieldError> errors) {
    }

    @Inject
    Validator validator;
    @Inject
    RecordBatches batches;
    @Inject
    PairingBatches pairingBatches;

    static List<RecordSheet.Field> fields(ImportKind kind) {
        return switch (kind) {
            case PROJECTS -> PROJECT_FIELDS;
            case ACTIVITIES -> ACTIVITY_FIELDS;
            case PARKS -> PARK_FIELDS;
            case PAIRINGS -> PAIRING_FIELDS;
            default -> throw new IllegalArgumentException(kind.code + " is not a kind of record");
        };
    }

    /**
     * Checks the rows read and, when {@code write} and every row passes, writes them, in the caller's transaction;
     * otherwise their changes are only decided, and nothing is written.
     */
    Outcomes write(ImportKind kind, RecordSheet.Read read, boolean english, boolean write) {
        return switch (kind) {
            case PROJECTS -> write(read, english, write, this::project, batches::projects);
            case ACTIVITIES -> write(read, english, write, this::activity, batches::activities);
            case PARKS -> write(read, english, write, this::park, batches::parks);
            case PAIRINGS -> write(read, english, write, this::pairing, pairingBatches::pairings);
            default -> throw new IllegalArgumentException(kind.code + " is not a kind of record");
        };
    }

    /** A row as the batch's row, or its errors (as field, code, message) when a cell breaks a rule of the input. */
    private record Built<T>(T row, List<String[]> errors) {
    }

    private <T> Outcomes write(RecordSheet.Read read, boolean english, boolean write,
            Function<RecordSheet.RecordRow, Built<T>> build, BiFunction<List<T>, Boolean, List<RowResult>> writer) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<T> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (RecordSheet.RecordRow row : read.rows()) {
            Built<T> built = build.apply(row);
            if (built.errors().isEmpty()) {
                rows.add(built.row());
                numbers.add(row.row());
            } else {
                built.errors().forEach(e -> errors.add(error(read, row.row(), e[0], e[1], e[2], english)));
            }
        }
        Map<Integer, RowResult> results = new java.util.TreeMap<>();
        boolean passed = read.errors().isEmpty() && errors.isEmpty();
        List<RowResult> written = rows.isEmpty() ? List.of() : writer.apply(rows, write && passed);
        for (int i = 0; i < written.size(); i++) {
            RowResult result = written.get(i);
            results.put(numbers.get(i), result);
            if (result.refusal() != null) {
                errors.add(error(read, numbers.get(i), result.refusal().field(), result.refusal().code(),
                        result.refusal().message(), english));
            }
        }
        return new Outcomes(results, errors);
    }

    private static Problem.FieldError error(RecordSheet.Read read, int row, String field, String code, String fallback,
            boolean english) {
        String shown = read.texts().getOrDefault(row, Map.of()).getOrDefault(field, "");
        String text = "locked-by-finalized-assessment".equals(code) ? "record-locked" : code;
        String message = Messages.known(text) ? Messages.of(text, english, shown, null) : fallback;
        return read.error(row, field, code, message);
    }

    private Built<RecordBatches.ProjectRow> project(RecordSheet.RecordRow row) {
        ProjectInput input = new ProjectInput(code(row.text("track")), row.text("title"), row.text("leadEnterprise"),
                Cells.normalise(nullToEmpty(row.text("hostCounty"))).strip(), row.decimal("investment"),
                row.decimal("expectedAnnualOutput"), row.decimal("expectedAnnualTax"), row.date("plannedOn"),
                row.text("description"));
        List<String[]> errors = violations(input);
        STEP_FIELDS.keySet().stream().sorted().forEach(field -> {
            LocalDate on = row.date(field);
            if (on != null && (on.isBefore(LocalDate.parse(DateRange.EARLIEST))
                    || on.isAfter(LocalDate.now(ZoneId.of(DateRange.ZONE))))) {
                errors.add(new String[] { field, "date-out-of-range", DateRange.UP_TO_TODAY });
            }
        });
        return new Built<>(new RecordBatches.ProjectRow(row.id(), row.pairing(), input,
                new RecordBatches.Steps(row.date("signedOn"), row.date("constructionStartedOn"),
                        row.date("productionStartedOn"), row.date("cancelledOn"))),
                errors);
    }

    private Built<RecordBatches.ActivityRow> activity(RecordSheet.RecordRow row) {
        List<String[]> errors = new ArrayList<>();
        String kindText = row.text("kind");
        ActivityKind kind = constant(row, "kind", ActivityKind.class, errors);
        ActivityInput input = new ActivityInput(code(row.text("track")), kind, row.date("heldOn"), row.text("title"),
                row.integer("participants"), row.integer("enterprises"), row.decimal("amount"),
                row.text("description"));
        violations(input).stream().filter(e -> !("kind".equals(e[0]) && kindText != null)).forEach(errors::add);
        tooLarge(row, "participants", errors);
        tooLarge(row, "enterprises", errors);
        return new Built<>(new RecordBatches.ActivityRow(row.id(), row.pairing(), input), errors);
    }

    private Built<RecordBatches.ParkRow> park(RecordSheet.RecordRow row) {
        ParkInput input = new ParkInput(row.text("name"), Cells.normalise(nullToEmpty(row.text("hostCounty"))).strip(),
                row.date("establishedOn"), row.decimal("areaMu"), row.text("focusIndustry"));
        return new Built<>(new RecordBatches.ParkRow(row.id(), row.pairing(), input), violations(input));
    }

    private Built<PairingBatches.PairingRow> pairing(RecordSheet.RecordRow row) {
        List<String[]> errors = new ArrayList<>();
        PairingStatus status = constant(row, "status", PairingStatus.class, errors);
        Evidence evidence = constant(row, "evidence", Evidence.class, errors);
        PairingInput input = new PairingInput(row.text("program") == null ? null : row.text("program").strip(),
                Cells.normalise(nullToEmpty(row.text("industrialCounty"))).strip(),
                Cells.normalise(nullToEmpty(row.text("mountainCounty"))).strip(), row.date("formedOn"), status, evidence,
                row.text("sourceNote"));
        errors.addAll(violations(input));
        return new Built<>(new PairingBatches.PairingRow(row.id(), input), errors);
    }

    /** The constant a cell names (any case, full-width letters read as ASCII), null when empty, else an error. */
    private static <E extends Enum<E>> E constant(RecordSheet.RecordRow row, String field, Class<E> type,
            List<String[]> errors) {
        String text = row.text(field);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, code(text));
        } catch (IllegalArgumentException e) {
            errors.add(new String[] { field, "unknown-value",
                    "must be one of " + Arrays.toString(type.getEnumConstants()) });
            return null;
        }
    }

    /** A whole number too large for an int reads as null: report it as out of range, not as missing. */
    private static void tooLarge(RecordSheet.RecordRow row, String field, List<String[]> errors) {
        Object value = row.values().get(field);
        if (value instanceof Long number && number > Integer.MAX_VALUE) {
            errors.add(new String[] { field, "out-of-range", "must be at most 1000000" });
        }
    }

    /**
     * The input's constraint violations as (field, code, message), a code for each kind of constraint, ordered by
     * field and code. A field with no value is only reported missing: an empty county cell is not also "not a
     * county code".
     */
    private List<String[]> violations(Object input) {
        return Violations.toReport(validator.validate(input)).stream()
                .map(v -> new String[] { v.getPropertyPath().toString(), code(v), v.getMessage() })
                .sorted(Comparator.<String[], String> comparing(e -> e[0]).thenComparing(e -> e[1]))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static String code(ConstraintViolation<?> violation) {
        Class<?> type = violation.getConstraintDescriptor().getAnnotation().annotationType();
        if (Violations.isMissing(violation)) {
            return MISSING;
        }
        if (type == Size.class) {
            return "too-long";
        }
        if (type == DecimalMin.class || type == Min.class) {
            return "negative-value";
        }
        if (type == Digits.class) {
            return "too-many-digits";
        }
        if (type == Max.class) {
            return "out-of-range";
        }
        if (type == DateRange.class) {
            return "date-out-of-range";
        }
        if (type == jakarta.validation.constraints.Pattern.class) {
            return "not-a-county-code";
        }
        return "validation";
    }

    /** A code as typed: full-width letters as ASCII, upper case, stripped. */
    private static String code(String text) {
        return text == null ? null : Cells.normalise(text).strip().toUpperCase(Locale.ROOT);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
