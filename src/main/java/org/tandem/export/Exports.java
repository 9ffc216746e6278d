package org.tandem.export;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tandem.web.DateRange;
import org.tandem.web.PageRequest;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sends every row of a list as a CSV or XLSX file, streamed: the rows are read in batches of
 * {@code tandem.export.batch-size}, each batch in a transaction of its own (so that neither a session nor a
 * connection is held while the client reads), written and flushed before the next is read. Memory holds one batch,
 * whatever the number of rows. The first batch is read before anything is sent, so that a bad parameter, a missing
 * record or a refused caller is still a problem+json answer.
 * <p>
 * Each feature gives its columns ({@link Table}) and a reader of one batch: its list's own query, with the list's
 * filters and order, asked for page after page without its count ({@link PageRequest#uncounted}); a big list in id
 * order reads each batch after the previous one's last id ({@link PageRequest#after}) rather than by a growing
 * offset, so that an export's cost grows with its rows, not with their square.
 */
@ApplicationScoped
public class Exports {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String CSV_UTF8 = "text/csv;charset=UTF-8";

    private static final ZoneId SERVICE_ZONE = ZoneId.of(DateRange.ZONE);

    @ConfigProperty(name = "tandem.export.batch-size", defaultValue = "500")
    int batchSize;

    /**
     * The export of all rows {@code rows} gives page after page, in the order {@code order} asks for ({@code sort}
     * of the list; its {@code page} and {@code size} are ignored: an export carries every row).
     */
    public <T> Response send(ExportRequest request, Table<T> table, String fileName, PageRequest order,
            Function<PageRequest, List<T>> rows) {
        return send(request, table, fileName, order, rows, null);
    }

    /**
     * The same, for a list that reads a batch after the previous one's last row when it is in id order (see
     * {@link PageRequest#keyset}): {@code id} gives a row's id, handed to the next batch as {@link PageRequest#after}.
     * Every batch still carries its page number, for the list to read by offset in any other order.
     */
    public <T> Response send(ExportRequest request, Table<T> table, String fileName, PageRequest order,
            Function<PageRequest, List<T>> rows, ToLongFunction<T> id) {
        Format format = request.format();
        Language language = request.language();
        String sort = order == null ? null : order.sort;
        List<T> first = batch(rows, sort, 0, null);
        StreamingOutput body = out -> write(out, format, language, table, rows, sort, first, id);
        return Response.ok(body, format == Format.CSV ? CSV_UTF8 : XLSX)
                .header("Content-Disposition", contentDisposition(fileName + "." + format.extension)).build();
    }

    /**
     * The export of a read that is not a paged list (the ranking, coverage, progress): its rows are read at once,
     * in a transaction of their own, and are bounded by what the read is (a programme's pairings, the indicators).
     */
    public <T> Response sendAll(ExportRequest request, Table<T> table, String fileName, Supplier<List<T>> rows) {
        return send(request, table, fileName, null, page -> page.page == 0 ? rows.get() : List.of());
    }

    private <T> List<T> batch(Function<PageRequest, List<T>> rows, String sort, int page, Long after) {
        PageRequest request = new PageRequest();
        request.page = page;
        request.size = batchSize;
        request.sort = sort;
        request.uncounted = true;
        request.after = after;
        return QuarkusTransaction.requiringNew().call(() -> rows.apply(request));
    }

    private <T> void write(OutputStream out, Format format, Language language, Table<T> table,
            Function<PageRequest, List<T>> rows, String sort, List<T> first, ToLongFunction<T> id) throws IOException {
        SheetWriter sheet = format == Format.CSV ? new CsvSheet(out) : new XlsxSheet(out, table.sheet());
        List<Column<T>> columns = table.columns();
        List<CellType> types = columns.stream().map(Column::type).toList();
        sheet.header(columns.stream().map(c -> c.header(language)).toList());
        List<T> batch = first;
        int page = 0;
        while (true) {
            for (T item : batch) {
                List<Object> values = new ArrayList<>(columns.size());
                for (Column<T> column : columns) {
                    values.add(SheetWriter.normalise(column.type(), column.value().apply(item)));
                }
                sheet.row(types, values);
            }
            sheet.flush();
            if (batch.size() < batchSize) {
                break;
            }
            Long after = id == null ? null : id.applyAsLong(batch.get(batch.size() - 1));
            batch = batch(rows, sort, ++page, after);
            if (batch.isEmpty()) {
                break;
            }
        }
        sheet.finish();
        out.flush();
    }

    /**
     * A file name from its parts (absent ones left out), joined by {@code _}: e.g. {@code ZJ-MFG-2023_2024_ranking}.
     */
    public static String fileName(Object... parts) {
        return Arrays.stream(parts).filter(Objects::nonNull).map(Object::toString).filter(s -> !s.isBlank())
                .collect(Collectors.joining("_"));
    }

    /** A file name from its parts followed by today's date (Asia/Shanghai): e.g. {@code projects_2026-12-03}. */
    public static String datedFileName(Object... parts) {
        List<Object> all = new ArrayList<>(Arrays.asList(parts));
        all.add(LocalDate.now(SERVICE_ZONE));
        return fileName(all.toArray());
    }

    /**
     * {@code attachment} with the name as ASCII (other characters as {@code _}) and, when it is not all ASCII, as
     * RFC 5987 {@code filename*} in UTF-8 too.
     */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        boolean plain = true;
        for (char c : name.toCharArray()) {
            boolean safe = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/' && c != ';';
            ascii.append(safe ? c : '_');
            plain &= safe;
        }
        String header = "attachment; filename=\"" + ascii + "\"";
        if (!plain) {
            header += "; filename*=UTF-8''"
                    + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        }
        return header;
    }
}
