package org.tandem.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tandem.support.Spreadsheets;

/** The writers alone: defusing, quoting, file names, and that rows leave before the file is finished. */
class ExportWritersTest {

    private static final List<CellType> TYPES = List.of(CellType.INTEGER, CellType.TEXT, CellType.MONEY,
            CellType.DATE);

    @Test
    void textThatASpreadsheetWouldRunIsDefused() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, CsvSheet.defused(formula));
        }
        for (String plain : List.of("", "莲都区", "a=b", " =1", "1-2")) {
            assertEquals(plain, CsvSheet.defused(plain));
        }
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndRoundTrips() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvSheet sheet = new CsvSheet(out);
        sheet.header(List.of("编号", "名称", "金额", "日期"));
        sheet.row(TYPES, normalised(7L, "义乌, \"环龙\"\n一期", new BigDecimal("1.5"), LocalDate.of(2024, 2, 29)));
        sheet.finish();
        List<List<String>> rows = Spreadsheets.csv(out.toByteArray());
        assertEquals(List.of(List.of("编号", "名称", "金额", "日期"), List.of("7", "义乌, \"环龙\"\n一期", "1.50", "2024-02-29")),
                rows);
        assertTrue(new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8).contains("\r\n"));
    }

    @Test
    void rowsLeaveBatchByBatchBeforeTheFileIsFinished() throws IOException {
        for (String format : List.of("csv", "xlsx")) {
            CountingStream out = new CountingStream();
            SheetWriter sheet = format.equals("csv") ? new CsvSheet(out) : new XlsxSheet(out, "rows");
            sheet.header(List.of("编号", "名称", "金额", "日期"));
            long afterFirst = 0;
            for (int batch = 0; batch < 20; batch++) {
                for (int i = 0; i < 500; i++) {
                    sheet.row(TYPES, normalised((long) batch * 500 + i, "项目" + i, new BigDecimal(i),
                            LocalDate.of(2024, 1, 1).plusDays(i)));
                }
                sheet.flush();
                if (batch == 0) {
                    afterFirst = out.count;
                }
            }
            long beforeFinish = out.count;
            sheet.finish();
            assertTrue(afterFirst > 0, format + ": the first batch is sent before the next is read");
            assertTrue(beforeFinish > out.count / 2, format + ": most of the file is sent before it is finished ("
                    + beforeFinish + " of " + out.count + " bytes)");
        }
    }

    @Test
    void fileNamesAreAsciiWithRfc5987WhenNeeded() {
        assertEquals("attachment; filename=\"ZJ-MFG-2023_2024_ranking.xlsx\"",
                Exports.contentDisposition("ZJ-MFG-2023_2024_ranking.xlsx"));
        assertEquals("attachment; filename=\"___x.csv\"; filename*=UTF-8''%E8%8E%B2%E9%83%BD_x.csv",
                Exports.contentDisposition("莲都_x.csv"));
        assertEquals("ZJ_2024_ranking", Exports.fileName("ZJ", null, 2024, "", "ranking"));
    }

    private static List<Object> normalised(Object... values) {
        return Arrays.asList(SheetWriter.normalise(CellType.INTEGER, values[0]),
                SheetWriter.normalise(CellType.TEXT, values[1]), SheetWriter.normalise(CellType.MONEY, values[2]),
                SheetWriter.normalise(CellType.DATE, values[3]));
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
