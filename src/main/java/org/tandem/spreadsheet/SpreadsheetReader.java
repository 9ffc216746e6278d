package org.tandem.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.stream.XMLStreamException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;
import org.tandem.problem.ProblemException;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads one sheet of an uploaded XLSX (fastexcel-reader, streaming) or CSV (Jackson) file into {@link Cells}, and
 * refuses what is not a readable spreadsheet with a problem before any row is looked at: not XLSX or CSV, an
 * encrypted or legacy workbook, a damaged one, one that unpacks past the limit (zip bomb), no sheet of the
 * expected name, merged cells or hidden rows or columns in it ({@link SheetLayout}), more rows than the limit. The format is
 * told by the file's first bytes, not by its name.
 */
@ApplicationScoped
class SpreadsheetReader {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    @Inject
    ImportLimits limits;

    Cells read(byte[] file, ImportKind kind, boolean english) {
        if (file.length == 0) {
            throw fileProblem(400, "empty-file", english, null, null);
        }
        byte[] head = java.util.Arrays.copyOf(file, Math.min(file.length, 8));
        if (ReadableWorkbook.isOLE2Header(head)) {
            throw fileProblem(400, "encrypted-or-legacy-workbook", english, null, null);
        }
        if (ReadableWorkbook.isOOXMLZipHeader(head)) {
            checkUnpackedSize(file, english);
            return xlsx(file, kind, english);
        }
        return csv(file, kind, english);
    }

    /** Unpacks every part once, counting, and stops past the limit: fastexcel is given only bounded files. */
    private void checkUnpackedSize(byte[] file, boolean english) {
        long limit = limits.maxUncompressedSize().asLongValue();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        // The central directory, as fastexcel reads it too (a streaming read of the local headers trips over
        // the data descriptors many writers use).
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file)).get()) {
            int entries = 0;
            for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntries())) {
                if (++entries > 10_000) {
                    throw fileProblem(413, "too-large-uncompressed", english, null, limit);
                }
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream part = zip.getInputStream(entry)) {
                    for (int n; (n = part.read(buffer)) > 0;) {
                        total += n;
                        if (total > limit) {
                            throw fileProblem(413, "too-large-uncompressed", english, null, limit);
                        }
                    }
                }
            }
            if (entries == 0) {
                throw fileProblem(400, "corrupt-workbook", english, null, null);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw fileProblem(400, "corrupt-workbook", english, null, null);
        }
    }

    private Cells xlsx(byte[] file, ImportKind kind, boolean english) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file),
                new ReadingOptions(true, false))) {
            Optional<Sheet> found = workbook.findSheet(kind.code).or(() -> workbook.findSheet(kind.sheetZh));
            if (found.isEmpty()) {
                String names;
                try (Stream<Sheet> sheets = workbook.getSheets()) {
                    names = sheets.map(Sheet::getName).collect(Collectors.joining(", "));
                }
                throw fileProblem(400, "wrong-sheet", english, kind.code, names);
            }
            Sheet sheet = found.get();
            List<SheetLayout.Finding> layout = SheetLayout.of(file, sheet.getId());
            if (!layout.isEmpty()) {
                throw new ProblemException(400, "merged-or-hidden-cells", "Unreadable file",
                        Messages.of("merged-or-hidden-cells", english, sheet.getName(), layout.size()),
                        SheetLayout.errors(layout, sheet.getName(), english));
            }
            List<Cells.Row> rows = new ArrayList<>();
            try (Stream<org.dhatim.fastexcel.reader.Row> stream = sheet.openStream()) {
                var iterator = stream.iterator();
                while (iterator.hasNext()) {
                    Cells.Row row = row(iterator.next());
                    if (!row.cells().isEmpty()) {
                        rows.add(row);
                        checkRows(rows.size(), english);
                    }
                }
            }
            return new Cells(sheet.getName(), rows);
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw fileProblem(400, "corrupt-workbook", english, null, null);
        }
    }

    private static Cells.Row row(org.dhatim.fastexcel.reader.Row source) {
        Map<Integer, Cells.Cell> cells = new HashMap<>();
        for (org.dhatim.fastexcel.reader.Cell cell : source) {
            if (cell == null) {
                continue;
            }
            Cells.Cell read = cell(cell);
            if (read.type() != Cells.Type.EMPTY) {
                cells.put(cell.getColumnIndex(), read);
            }
        }
        return new Cells.Row(source.getRowNum(), cells);
    }

    private static Cells.Cell cell(org.dhatim.fastexcel.reader.Cell cell) {
        CellType type = cell.getType();
        if (cell.getFormula() != null && !cell.getFormula().isEmpty()) {
            return new Cells.Cell(Cells.Type.FORMULA, "=" + cell.getFormula());
        }
        String raw = cell.getRawValue();
        return switch (type) {
            case NUMBER -> new Cells.Cell(isDate(cell) ? Cells.Type.DATE : Cells.Type.NUMBER, raw);
            case STRING -> raw == null || raw.isBlank() ? Cells.Cell.EMPTY : new Cells.Cell(Cells.Type.TEXT, cell.getText());
            case BOOLEAN -> new Cells.Cell(Cells.Type.BOOLEAN, cell.getText());
            case ERROR -> new Cells.Cell(Cells.Type.ERROR, raw);
            case FORMULA -> new Cells.Cell(Cells.Type.FORMULA, "=" + cell.getFormula());
            case EMPTY -> Cells.Cell.EMPTY;
        };
    }

    /** A number shown as a date: one of Excel's built-in date formats, or a custom one with day or year parts. */
    private static boolean isDate(org.dhatim.fastexcel.reader.Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String plain = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        return plain.contains("yy") || plain.contains("d") && plain.contains("m");
    }

    private Cells csv(byte[] file, ImportKind kind, boolean english) {
        int start = file.length >= 3 && (file[0] & 0xff) == 0xef && (file[1] & 0xff) == 0xbb
                && (file[2] & 0xff) == 0xbf ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file, start, file.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw fileProblem(400, looksBinary(file) ? "not-a-spreadsheet" : "not-utf8", english, null, null);
        }
        if (text.indexOf('\0') >= 0 || text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw fileProblem(400, "not-a-spreadsheet", english, null, null);
        }
        List<Cells.Row> rows = new ArrayList<>();
        try (MappingIterator<String[]> records = CSV.readerFor(String[].class).with(CsvSchema.emptySchema())
                .readValues(new StringReader(text))) {
            // Rows are numbered by record, as a spreadsheet shows the file (a quoted line break stays in its cell).
            int line = 0;
            while (records.hasNextValue()) {
                line++;
                String[] record = records.nextValue();
                Map<Integer, Cells.Cell> cells = new HashMap<>();
                for (int i = 0; i < record.length; i++) {
                    if (record[i] != null && !record[i].isBlank()) {
                        cells.put(i, record[i].startsWith("=") ? new Cells.Cell(Cells.Type.FORMULA, record[i])
                                : new Cells.Cell(Cells.Type.TEXT, record[i]));
                    }
                }
                if (!cells.isEmpty()) {
                    rows.add(new Cells.Row(line, cells));
                    checkRows(rows.size(), english);
                }
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw fileProblem(400, "not-a-spreadsheet", english, null, null);
        }
        return new Cells(kind.code, rows);
    }

    private static boolean looksBinary(byte[] file) {
        for (int i = 0; i < Math.min(file.length, 512); i++) {
            if (file[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Counts the header too: past the limit of data rows the read stops with 413. */
    private void checkRows(int rowsRead, boolean english) {
        if (rowsRead - 1 > limits.maxRows()) {
            throw fileProblem(413, "too-many-rows", english, null, limits.maxRows());
        }
    }

    static ProblemException fileProblem(int status, String code, boolean english, Object value, Object detail) {
        String title = status == 413 ? "Payload too large" : "Unreadable file";
        return new ProblemException(status, code, title, Messages.of(code, english, value, detail), null);
    }
}
