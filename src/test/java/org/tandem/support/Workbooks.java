package org.tandem.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Workbooks as a clerk's Excel would read and write them, for tests: read every sheet of a downloaded file into
 * rows of cell values (numbers as BigDecimal, dates as LocalDate, text as String), and write sheets back, with a formula where
 * a cell
 * holds a {@link Formula}.
 */
public final class Workbooks {

    private Workbooks() {
    }

    /** A cell holding a formula. */
    public record Formula(String expression) {
    }

    /** Every sheet by name, each a list of rows, each a mutable list of cell values (null when empty). */
    public static Map<String, List<List<Object>>> read(byte[] xlsx) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
                new ReadingOptions(true, false))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                List<List<Object>> rows = new ArrayList<>();
                for (Row row : sheet.read()) {
                    List<Object> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null || cell.getType() == CellType.EMPTY ? null
                                : cell.getType() != CellType.NUMBER ? cell.getText()
                                        : isDate(cell) ? cell.asDate().toLocalDate() : cell.asNumber());
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getName(), rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sheets;
    }

    private static boolean isDate(Cell cell) {
        String format = cell.getDataFormatString();
        return format != null && format.contains("yy");
    }

    public static byte[] write(Map<String, List<List<Object>>> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Excel", "1.0");
            sheets.forEach((name, rows) -> {
                Worksheet sheet = workbook.newWorksheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    List<Object> row = rows.get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object value = row.get(c);
                        if (value instanceof Formula formula) {
                            sheet.formula(r, c, formula.expression());
                        } else if (value instanceof LocalDate date) {
                            sheet.value(r, c, date);
                            sheet.style(r, c).format("yyyy-mm-dd").set();
                        } else if (value instanceof Number number) {
                            sheet.value(r, c, number);
                        } else if (value != null) {
                            sheet.value(r, c, value.toString());
                        }
                    }
                }
            });
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The row of {@code sheet} whose indicator (column D) is {@code code}. */
    public static List<Object> rowOf(List<List<Object>> sheet, String code) {
        return sheet.stream().filter(row -> row.size() > 3 && code.equals(row.get(3))).findFirst().orElseThrow();
    }

    /** Sets the value column (G) of a row. */
    public static void setValue(List<Object> row, Object value) {
        while (row.size() < 7) {
            row.add(null);
        }
        row.set(6, value);
    }

    public static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }
}
