package org.tandem.web;

import java.util.List;
import java.util.Map;

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

    public Page toPage() {
        return Page.of(page, size);
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
