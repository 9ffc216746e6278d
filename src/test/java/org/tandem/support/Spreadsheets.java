package org.tandem.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/** Reads exports back as a spreadsheet program would: CSV by Jackson, XLSX by fastexcel-reader. */
public final class Spreadsheets {

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private Spreadsheets() {
    }

    /** The rows of a CSV export (header first), which must start with a UTF-8 byte order mark. */
    public static List<List<String>> csv(byte[] body) {
        assertArrayEquals(BOM, Arrays.copyOf(body, 3), "a CSV export starts with the UTF-8 byte order mark");
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(text)) {
            while (it.hasNext()) {
                rows.add(List.of(it.next()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The rows of the first sheet of an XLSX export, with their cells' formats. */
    public static List<Row> xlsx(byte[] body) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body),
                new ReadingOptions(true, false))) {
            return workbook.getFirstSheet().read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The XML of the first worksheet of an XLSX file (to see its frozen pane and its auto-filter). */
    public static String firstSheetXml(byte[] body) {
        try {
            // Read by its central directory, as spreadsheet programs do (entries are streamed with data descriptors).
            Path file = Files.createTempFile("export", ".xlsx");
            try {
                Files.write(file, body);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    ZipEntry entry = zip.getEntry("xl/worksheets/sheet1.xml");
                    assertNotNull(entry, "an XLSX file has xl/worksheets/sheet1.xml");
                    return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                }
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
