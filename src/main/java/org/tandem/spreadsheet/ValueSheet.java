package org.tandem.spreadsheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.tandem.problem.Problem;
import org.tandem.problem.ProblemException;

/**
 * The rows of a targets or actuals sheet as values to write: the header finds the columns, each row gives a
 * pairing, a year, an indicator code and a value. Every cell that cannot be read is an error naming its cell;
 * a row with any is left out. Full-width digits and letters are read as their ASCII forms (NFKC); text that is a
 * plain number is a number (a CSV holds nothing else); a date, a formula or any other text is refused.
 */
final class ValueSheet {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DATE_TEXT = Pattern.compile(".*\\d+\\s*[-/.年]\\s*\\d+.*");

    /** One row that could be read. */
    record ValueRow(int row, String key, long pairing, int year, String indicator, BigDecimal value) {
        String expectedKey() {
            return ValueSheet.key(pairing, year, indicator);
        }
    }

    /** The rows that could be read and the errors of those that could not, in sheet order. */
    record Read(String sheet, List<ValueRow> rows, List<Problem.FieldError> errors, int rowsRead,
            Map<Column, Integer> columns) {

        /** An error found for a row that was read: a rule of the values refuses it. */
        Problem.FieldError error(ValueRow row, Column column, String value, String code, String fallback,
                boolean english) {
            Integer index = columns.get(column);
            String message = Messages.known(code) ? Messages.of(code, english, value, null) : fallback;
            return new Problem.FieldError(column.en, message, code, sheet, row.row(),
                    index == null ? null : Column.letter(index), value);
        }
    }

    private final String sheet;
    private final boolean english;
    private final Map<Column, Integer> columns = new EnumMap<>(Column.class);
    private final List<Problem.FieldError> errors = new ArrayList<>();

    private ValueSheet(String sheet, boolean english) {
        this.sheet = sheet;
        this.english = english;
    }

    /** The key a template writes for a row: pairing/year/indicator. */
    static String key(long pairing, int year, String indicator) {
        return pairing + "/" + year + "/" + indicator;
    }

    static Read read(Cells cells, boolean english) {
        ValueSheet reader = new ValueSheet(cells.sheet(), english);
        if (cells.rows().isEmpty()) {
            throw SpreadsheetReader.fileProblem(400, "no-rows", english, null, null);
        }
        Cells.Row header = cells.rows().get(0);
        reader.header(header);
        List<ValueRow> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Cells.Row row : cells.rows().subList(1, cells.rows().size())) {
            ValueRow read = reader.row(row);
            if (read == null) {
                continue;
            }
            String identity = read.expectedKey();
            Integer first = seen.putIfAbsent(identity, row.number());
            if (first != null) {
                reader.error(row, Column.INDICATOR, read.indicator(), "duplicate-row", first);
                continue;
            }
            rows.add(read);
        }
        if (rows.isEmpty() && reader.errors.isEmpty()) {
            throw SpreadsheetReader.fileProblem(400, "no-rows", english, null, null);
        }
        return new Read(cells.sheet(), rows, reader.errors, cells.rows().size() - 1, Map.copyOf(reader.columns));
    }

    private void header(Cells.Row header) {
        header.cells().forEach((index, cell) -> {
            Column column = cell.type() == Cells.Type.TEXT ? Column.byHeader(cell.text()) : null;
            if (column != null) {
                columns.putIfAbsent(column, index);
            }
        });
        List<Problem.FieldError> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.required && !columns.containsKey(column)) {
                missing.add(new Problem.FieldError(column.en,
                        Messages.of("missing-column", english, null, column.header(english)), "missing-column", sheet,
                        header.number(), null, null));
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(400, "missing-column", "Unreadable file",
                    Messages.of("missing-column", english, null,
                            String.join(", ", missing.stream().map(e -> e.field()).toList())),
                    missing);
        }
    }

    /** The row's values, or null when a cell of it is wrong (its errors recorded). */
    private ValueRow row(Cells.Row row) {
        int before = errors.size();
        Long pairing = integer(row, Column.PAIRING);
        Integer year = year(row);
        String indicator = text(row, Column.INDICATOR);
        BigDecimal value = number(row);
        String key = columns.containsKey(Column.KEY) ? Cells.normalise(row.cell(columns.get(Column.KEY)).text()).strip()
                : "";
        if (errors.size() > before) {
            return null;
        }
        ValueRow read = new ValueRow(row.number(), key, pairing, year, indicator, value);
        if (!key.isEmpty() && !key.equals(read.expectedKey())) {
            error(row, Column.KEY, key, "key-mismatch", null);
            return null;
        }
        return read;
    }

    private Cells.Cell cell(Cells.Row row, Column column) {
        Cells.Cell cell = row.cell(columns.get(column));
        if (cell.type() == Cells.Type.FORMULA) {
            error(row, column, cell.text(), "formula", null);
            return null;
        }
        if (cell.type() == Cells.Type.ERROR) {
            error(row, column, cell.text(), "error-cell", null);
            return null;
        }
        return cell;
    }

    private Long integer(Cells.Row row, Column column) {
        Cells.Cell cell = cell(row, column);
        if (cell == null) {
            return null;
        }
        if (cell.type() == Cells.Type.EMPTY) {
            error(row, column, "", "missing-value", null);
            return null;
        }
        BigDecimal number = decimal(cell);
        if (number == null || number.signum() < 0 || number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            error(row, column, cell.text(), "not-an-integer", null);
            return null;
        }
        return number.longValueExact();
    }

    private Integer year(Cells.Row row) {
        Cells.Cell cell = cell(row, Column.YEAR);
        if (cell == null) {
            return null;
        }
        if (cell.type() == Cells.Type.EMPTY) {
            error(row, Column.YEAR, "", "missing-value", null);
            return null;
        }
        if (cell.type() == Cells.Type.DATE) {
            error(row, Column.YEAR, cell.text(), "date-not-year", null);
            return null;
        }
        String text = Cells.normalise(cell.text()).strip();
        BigDecimal number = decimal(cell);
        if (number == null && DATE_TEXT.matcher(text).matches()) {
            error(row, Column.YEAR, cell.text(), "date-not-year", null);
            return null;
        }
        if (number == null || number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(1900)) < 0
                || number.compareTo(BigDecimal.valueOf(2999)) > 0) {
            error(row, Column.YEAR, cell.text(), "not-a-year", null);
            return null;
        }
        return number.intValueExact();
    }

    private String text(Cells.Row row, Column column) {
        Cells.Cell cell = cell(row, column);
        if (cell == null) {
            return null;
        }
        String text = Cells.normalise(cell.text()).strip();
        if (text.isEmpty()) {
            error(row, column, "", "missing-value", null);
            return null;
        }
        return text;
    }

    /** The value, or null for an empty cell (which removes a stored value). */
    private BigDecimal number(Cells.Row row) {
        Cells.Cell cell = cell(row, Column.VALUE);
        if (cell == null || cell.type() == Cells.Type.EMPTY) {
            return null;
        }
        BigDecimal number = cell.type() == Cells.Type.DATE ? null : decimal(cell);
        if (number == null) {
            error(row, Column.VALUE, cell.text(), "not-a-number", null);
        }
        return number;
    }

    /** A number cell's exact value, or a text cell that is a plain number once normalised; else null. */
    static BigDecimal decimal(Cells.Cell cell) {
        if (cell.type() != Cells.Type.NUMBER && cell.type() != Cells.Type.TEXT) {
            return null;
        }
        String text = Cells.normalise(cell.text()).strip();
        if (text.length() > 40 || !DECIMAL.matcher(text).matches()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(text);
            return number.scale() < 0 ? number.setScale(0) : number;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private void error(Cells.Row row, Column column, String value, String code, Object detail) {
        Integer index = columns.get(column);
        errors.add(new Problem.FieldError(column.en, Messages.of(code, english, value, detail), code, sheet,
                row.number(), index == null ? null : Column.letter(index), value));
    }

}
