package org.tandem.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * XLSX through fastexcel, one sheet, streamed: each batch of rows is flushed to the response, and text is written
 * inline (not into the shared-strings table, which would grow with the rows). Numbers are number cells, money has
 * two decimals, dates and instants are date cells; the header row is bold, frozen and carries an auto-filter.
 */
final class XlsxSheet implements SheetWriter {

    private static final String MONEY = "#,##0.00";
    private static final String DATE = "yyyy-mm-dd";
    private static final String TIMESTAMP = "yyyy-mm-dd hh:mm:ss";

    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;
    private int columns;

    XlsxSheet(OutputStream out, String sheetName) {
        workbook = new Workbook(out, "Tandem", "1.0");
        sheet = workbook.newWorksheet(sheetName);
    }

    @Override
    public void header(List<String> headers) throws IOException {
        columns = headers.size();
        for (int c = 0; c < columns; c++) {
            sheet.inlineString(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
            sheet.width(c, Math.min(60, Math.max(10, headers.get(c).length() * 2 + 4)));
        }
        // The sheet's view is written with its first rows: it must be set before the first flush.
        sheet.freezePane(0, 1);
        row = 1;
    }

    @Override
    public void row(List<CellType> types, List<Object> values) throws IOException {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            switch (types.get(c)) {
                case TEXT -> sheet.inlineString(row, c, (String) value);
                case INTEGER -> sheet.value(row, c, (Long) value);
                case DECIMAL -> sheet.value(row, c, (BigDecimal) value);
                case MONEY -> {
                    sheet.value(row, c, (BigDecimal) value);
                    sheet.style(row, c).format(MONEY).set();
                }
                case DATE -> {
                    sheet.value(row, c, (LocalDate) value);
                    sheet.style(row, c).format(DATE).set();
                }
                case TIMESTAMP -> {
                    sheet.value(row, c, (LocalDateTime) value);
                    sheet.style(row, c).format(TIMESTAMP).set();
                }
            }
        }
        row++;
    }

    @Override
    public void flush() throws IOException {
        sheet.flush();
    }

    @Override
    public void finish() throws IOException {
        sheet.setAutoFilter(0, 0, Math.max(0, row - 1), Math.max(0, columns - 1));
        sheet.finish();
        workbook.finish();
    }
}
