package org.tandem.spreadsheet;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tandem.problem.Problem;
import org.tandem.problem.ProblemException;

/**
 * The rows of a projects, activities or parks sheet as typed values by field: the header finds the columns (English
 * or Chinese, any order; every column the kind writes must be there), each cell is read as its field's type. A
 * cell that cannot be read is an error naming its cell, and its row is left out. Dates are date cells, or text in
 * year-month-day order (2024-03-15, 2024/3/15, 2024年3月15日); any other text is refused rather than guessed.
 */
final class RecordSheet {

    /** How a column's cells are read. */
    enum Type {
        /** The record's id: a whole number, or empty for a new record. */
        KEY,
        INTEGER,
        TEXT,
        DECIMAL,
        DATE,
        /** Shown for the reader (e.g. a project's status), not read back. */
        INFO
    }

    /** A column of a kind's sheet: its field, its headers and how it is read. */
    record Field(String en, String zh, Type type) {
        String header(boolean english) {
            return english ? en : zh;
        }

        boolean read() {
            return type != Type.INFO && type != Type.KEY;
        }
    }

    /** One row whose cells could all be read: its number, its id (or null) and its values by field. */
    record RecordRow(int row, Long id, Map<String, Object> values) {
        Long pairing() {
            return (Long) values.get("pairing");
        }

        String text(String field) {
            return (String) values.get(field);
        }

        BigDecimal decimal(String field) {
            return (BigDecimal) values.get(field);
        }

        LocalDate date(String field) {
            return (LocalDate) values.get(field);
        }

        Integer integer(String field) {
            Long value = (Long) values.get(field);
            return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
        }
    }

    /** The rows that could be read and the errors of those that could not, in sheet order. */
    record Read(String sheet, List<RecordRow> rows, List<Problem.FieldError> errors, Map<String, Integer> columns,
            Map<Integer, Map<String, String>> texts) {

        /** An error of a row that was read, at the column of {@code field}; the value as the cell showed it. */
        Problem.FieldError error(int row, String field, String code, String message) {
            Integer index = columns.get(field);
            String value = texts.getOrDefault(row, Map.of()).getOrDefault(field, "");
            return new Problem.FieldError(field, message, code, sheet, row, index == null ? null : Column.letter(index),
                    value);
        }
    }

    private static final Pattern YMD = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    /** Day 0 of Excel's 1900 date system, as Excel counts (it takes 1900 for a leap year). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final String sheet;
    private final boolean english;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Problem.FieldError> errors = new ArrayList<>();

    private RecordSheet(String sheet, boolean english) {
        this.sheet = sheet;
        this.english = english;
    }

    static Read read(Cells cells, List<Field> fields, boolean english) {
        RecordSheet reader = new RecordSheet(cells.sheet(), english);
        if (cells.rows().isEmpty()) {
            throw SpreadsheetReader.fileProblem(400, "no-rows", english, null, null);
        }
        reader.header(cells.rows().get(0), fields);
        List<RecordRow> rows = new ArrayList<>();
        Map<Integer, Map<String, String>> texts = new HashMap<>();
        for (Cells.Row row : cells.rows().subList(1, cells.rows().size())) {
            Map<String, String> shown = new HashMap<>();
            reader.columns.forEach((field, index) -> shown.put(field, shown(row.cell(index))));
            texts.put(row.number(), shown);
            RecordRow read = reader.row(row, fields);
            if (read != null) {
                rows.add(read);
            }
        }
        if (rows.isEmpty() && reader.errors.isEmpty()) {
            throw SpreadsheetReader.fileProblem(400, "no-rows", english, null, null);
        }
        return new Read(cells.sheet(), rows, reader.errors, Map.copyOf(reader.columns), texts);
    }

    private void header(Cells.Row header, List<Field> fields) {
        header.cells().forEach((index, cell) -> {
            if (cell.type() != Cells.Type.TEXT) {
                return;
            }
            String text = Cells.normalise(cell.text()).strip();
            for (Field field : fields) {
                if (field.en().equalsIgnoreCase(text) || Cells.normalise(field.zh()).equals(text)) {
                    columns.putIfAbsent(field.en(), index);
                }
            }
        });
        List<Problem.FieldError> missing = new ArrayList<>();
        for (Field field : fields) {
            if (field.read() && !columns.containsKey(field.en())) {
                missing.add(new Problem.FieldError(field.en(),
                        Messages.of("missing-column", english, null, field.header(english)), "missing-column", sheet,
                        header.number(), null, null));
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(400, "missing-column", "Unreadable file", Messages.of("missing-column", english,
                    null, String.join(", ", missing.stream().map(Problem.FieldError::field).toList())), missing);
        }
    }

    /** The row's values, or null when a cell of it is wrong (its errors recorded). */
    private RecordRow row(Cells.Row row, List<Field> fields) {
        int before = errors.size();
        Map<String, Object> values = new HashMap<>();
        Long id = null;
        for (Field field : fields) {
            Integer index = columns.get(field.en());
            if (index == null || field.type() == Type.INFO) {
                continue;
            }
            Cells.Cell cell = row.cell(index);
            if (cell.type() == Cells.Type.FORMULA) {
                error(row, field, cell.text(), "formula", null);
                continue;
            }
            if (cell.type() == Cells.Type.ERROR) {
                error(row, field, cell.text(), "error-cell", null);
                continue;
            }
            Object value = switch (field.type()) {
                case KEY, INTEGER -> integer(row, field, cell);
                case DECIMAL -> decimal(row, field, cell);
                case DATE -> date(row, field, cell);
                default -> text(cell);
            };
            if (field.type() == Type.KEY) {
                id = (Long) value;
            } else {
                values.put(field.en(), value);
            }
        }
        Field pairing = fields.stream().filter(f -> f.en().equals("pairing")).findFirst().orElse(null);
        if (errors.size() == before && pairing != null && values.get("pairing") == null) {
            error(row, pairing, "", "missing-value", null);
        }
        return errors.size() > before ? null : new RecordRow(row.number(), id, values);
    }

    private Long integer(Cells.Row row, Field field, Cells.Cell cell) {
        if (cell.type() == Cells.Type.EMPTY) {
            return null;
        }
        BigDecimal number = cell.type() == Cells.Type.DATE ? null : ValueSheet.decimal(cell);
        if (number == null || number.signum() < 0 || number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            error(row, field, cell.text(), "not-an-integer", null);
            return null;
        }
        return number.longValueExact();
    }

    private BigDecimal decimal(Cells.Row row, Field field, Cells.Cell cell) {
        if (cell.type() == Cells.Type.EMPTY) {
            return null;
        }
        BigDecimal number = cell.type() == Cells.Type.DATE ? null : ValueSheet.decimal(cell);
        if (number == null) {
            error(row, field, cell.text(), "not-a-number", null);
        }
        return number;
    }

    private LocalDate date(Cells.Row row, Field field, Cells.Cell cell) {
        if (cell.type() == Cells.Type.EMPTY) {
            return null;
        }
        if (cell.type() == Cells.Type.DATE) {
            LocalDate date = serialDate(cell);
            if (date != null) {
                return date;
            }
        } else if (cell.type() == Cells.Type.TEXT) {
            Matcher ymd = YMD.matcher(Cells.normalise(cell.text()).strip());
            if (ymd.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)),
                            Integer.parseInt(ymd.group(3)));
                } catch (DateTimeException e) {
                    error(row, field, cell.text(), "not-a-date", null);
                    return null;
                }
            }
        }
        error(row, field, cell.text(), "not-a-date", null);
        return null;
    }

    /** A date cell's day (Excel's serial number of days; a time of day is dropped), or null. */
    private static LocalDate serialDate(Cells.Cell cell) {
        BigDecimal serial = ValueSheet.decimal(new Cells.Cell(Cells.Type.NUMBER, cell.text()));
        if (serial != null && serial.signum() > 0 && serial.compareTo(BigDecimal.valueOf(2_958_465)) <= 0) {
            return EXCEL_EPOCH.plusDays(serial.longValue());
        }
        return null;
    }

    /** A cell's value as a clerk sees it: a date cell as its date, anything else as its text. */
    private static String shown(Cells.Cell cell) {
        LocalDate date = cell.type() == Cells.Type.DATE ? serialDate(cell) : null;
        return date != null ? date.toString() : cell.text();
    }

    /** A text cell stripped, a number cell's digits (a county code typed as a number); empty is null. */
    private static String text(Cells.Cell cell) {
        String text = cell.text() == null ? "" : cell.text().strip();
        return text.isEmpty() ? null : text;
    }

    private void error(Cells.Row row, Field field, String value, String code, Object detail) {
        if (field.type() == Type.DATE) {
            value = shown(row.cell(columns.get(field.en())));
        }
        Integer index = columns.get(field.en());
        errors.add(new Problem.FieldError(field.en(), Messages.of(code, english, value, detail), code, sheet,
                row.number(), index == null ? null : Column.letter(index), value));
    }
}
