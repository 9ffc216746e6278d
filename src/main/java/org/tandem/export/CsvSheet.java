package org.tandem.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * CSV through Jackson's CSV module: UTF-8 with a byte order mark (so that Excel reads Chinese right), CRLF line
 * ends, quoting as RFC 4180 has it. A text cell that a spreadsheet would take for a formula (it starts with
 * {@code = + - @}, a tab or a carriage return) is written with a {@code '} in front.
 */
final class CsvSheet implements SheetWriter {

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Writer out;
    private SequenceWriter rows;

    CsvSheet(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    public void header(List<String> headers) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        for (int i = 0; i < headers.size(); i++) {
            // Jackson names columns by their header; two equal headers would be one column.
            schema.addColumn(headers.get(i));
        }
        out.write('\uFEFF');
        rows = MAPPER.writer(schema.build()).writeValues(out);
    }

    @Override
    public void row(List<CellType> types, List<Object> values) throws IOException {
        List<String> cells = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            cells.add(text(types.get(i), values.get(i)));
        }
        rows.write(cells);
    }

    static String text(CellType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> defused((String) value);
            case INTEGER -> value.toString();
            case DECIMAL, MONEY -> ((BigDecimal) value).toPlainString();
            case DATE -> ((LocalDate) value).toString();
            case TIMESTAMP -> TIMESTAMP.format((LocalDateTime) value);
        };
    }

    /** The text, with a {@code '} in front if a spreadsheet would read it as a formula. */
    static String defused(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    @Override
    public void flush() throws IOException {
        rows.flush();
    }

    @Override
    public void finish() throws IOException {
        rows.close();
    }
}
