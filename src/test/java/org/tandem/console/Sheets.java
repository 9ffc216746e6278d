package org.tandem.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

/** A downloaded template read into rows of cell values and written back as a clerk's Excel would (fastexcel). */
final class Sheets {

    private Sheets() {
    }

    static Map<String, List<List<Object>>> read(InputStream xlsx) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx, new ReadingOptions(true, false))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                List<List<Object>> rows = new ArrayList<>();
                for (Row row : sheet.read()) {
                    List<Object> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null || cell.getType() == CellType.EMPTY ? null
                                : cell.getType() != CellType.NUMBER ? cell.getText()
                                        : cell.getDataFormatString() != null && cell.getDataFormatString().contains("yy")
                                                ? cell.asDate().toLocalDate()
                                                : cell.asNumber());
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

    static byte[] write(Map<String, List<List<Object>>> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Excel", "1.0");
            sheets.forEach((name, rows) -> {
                Worksheet sheet = workbook.newWorksheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    List<Object> row = rows.get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object value = row.get(c);
                        if (value instanceof LocalDate date) {
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

    /** The index of the row of a targets or actuals sheet whose indicator (column D) is code. */
    static int rowOf(List<List<Object>> sheet, String code) {
        for (int r = 0; r < sheet.size(); r++) {
            if (sheet.get(r).size() > 3 && code.equals(sheet.get(r).get(3))) {
                return r;
            }
        }
        throw new AssertionError("no row for " + code);
    }

    /** Sets the value column (G) of a row. */
    static void setValue(List<Object> row, Object value) {
        while (row.size() < 7) {
            row.add(null);
        }
        row.set(6, value);
    }
}
