package org.tandem.web;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.tandem.problem.ProblemException;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The {@code page}, {@code size} and {@code sort} query parameters every list takes. */
public class PageRequest {

    /** So that page × size stays a valid row offset. */
    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    @Parameter(description = "0-based page number")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(500)
    @Parameter(description = "Items per page, at most 500")
    public int size;

    @QueryParam("sort")
    @Parameter(description = "A field to sort by, '-' in front for descending, e.g. -name; lists name their fields")
    public String sort;

    /**
     * Not a query parameter: set for the batches of an export, which never needs the list's total, so that the
     * list skips its count ({@link PageOf#totalItems} is then -1).
     */
    public boolean uncounted;

    /**
     * Not a query parameter: the id of the last row of an export's previous batch (absent for the first batch).
     * A list in the order of its id alone reads the next batch after it (see {@link #keyset}) instead of by offset.
     */
    public Long after;

    public Page toPage() {
        return Page.of(page, size);
    }

    /** The page, or the first one when the rows are read after a keyset. */
    public Page toPage(String keyset) {
        return keyset == null ? toPage() : Page.of(0, size);
    }

    /** The offset of the page's first row, or 0 when the rows are read after a keyset. */
    public int firstResult(String keyset) {
        return keyset == null ? page * size : 0;
    }

    /**
     * When {@link #after} is given and {@code order} is the id alone ({@code idPath}), the condition that continues
     * after it, {@code column > :after} (or {@code <} when descending), to be bound to {@link #after}; otherwise
     * null, and the page is read by offset.
     */
    public String keyset(Sort order, String idPath, String column) {
        if (after == null || order.getColumns().size() != 1) {
            return null;
        }
        Sort.Column only = order.getColumns().get(0);
        if (!only.getName().equals(idPath)) {
            return null;
        }
        return column + (only.getDirection() == Sort.Direction.Descending ? " < " : " > ") + ":after";
    }

    /** {@code order} as the order-by clause of a query, e.g. {@code " order by p.formedOn desc, p.id"}. */
    public static String orderBy(Sort order) {
        return order.getColumns().stream()
                .map(c -> c.getName() + (c.getDirection() == Sort.Direction.Descending ? " desc" : ""))
                .collect(java.util.stream.Collectors.joining(", ", " order by ", ""));
    }

    /**
     * {@code order} as an order-by clause over {@code idColumn} prefixed with {@code fixed}, when {@code order} is
     * the id alone ({@code idPath}) and {@code fixed} is not empty; otherwise null. {@code fixed} are columns the
     * query's filters fix to one value and that an index has, in this order, before the id: the order is the same,
     * but H2 walks an index in order, and stops at the page's end, only when the order by is a prefix of the
     * index's columns (otherwise it sorts every match first). PostgreSQL drops the fixed columns itself.
     */
    public static String orderByIdInIndex(Sort order, String idPath, String idColumn, List<String> fixed) {
        if (fixed.isEmpty() || order.getColumns().size() != 1 || !order.getColumns().get(0).getName().equals(idPath)) {
            return null;
        }
        String direction = order.getColumns().get(0).getDirection() == Sort.Direction.Descending ? " desc" : "";
        return java.util.stream.Stream.concat(fixed.stream(), java.util.stream.Stream.of(idColumn))
                .map(column -> column + direction)
                .collect(java.util.stream.Collectors.joining(", ", " order by ", ""));
    }

    /** The list's total, counted by {@code count} unless {@link #uncounted}: then -1. */
    public long total(LongSupplier count) {
        return uncounted ? -1 : count.getAsLong();
    }

    /**
     * The list's total, given that this page, read by offset, holds {@code onThisPage} rows ({@link #total(int, int,
     * int, LongSupplier)}); counted by {@code count} otherwise, unless {@link #uncounted}: then -1. A page read after
     * a keyset ({@link #after}) always counts.
     */
    public long total(int onThisPage, LongSupplier count) {
        return uncounted ? -1 : after != null ? count.getAsLong() : total(page, size, onThisPage, count);
    }

    /**
     * The total of a list whose page {@code page} of {@code size}, read by offset, holds {@code onThisPage} rows: a
     * page that is neither full nor past the end is the list's last, and tells the total itself; only otherwise is
     * it counted by {@code count}. A short list, most of a pair's, is then read without a count.
     */
    public static long total(int page, int size, int onThisPage, LongSupplier count) {
        return onThisPage < size && (onThisPage > 0 || page == 0) ? (long) page * size + onThisPage
                : count.getAsLong();
    }

    /**
     * The Panache sort for the requested field, or the default. {@code fields} maps API field names to
     * entity paths; the entity's id is always added last so that the order is stable across pages.
     */
    public Sort toSort(Map<String, String> fields, String defaultField, String idPath) {
        String requested = sort == null || sort.isBlank() ? defaultField : sort.trim();
        boolean descending = requested.startsWith("-");
        String name = descending ? requested.substring(1) : requested;
        String path = fields.get(name);
        if (path == null) {
            throw ProblemException.invalid("sort", "must be one of " + List.copyOf(new java.util.TreeSet<>(fields.keySet()))
                    + ", optionally prefixed with '-'");
        }
        Sort order = descending ? Sort.descending(path) : Sort.ascending(path);
        return path.equals(idPath) ? order : order.and(idPath);
    }
}
