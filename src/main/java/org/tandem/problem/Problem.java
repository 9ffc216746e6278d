package org.tandem.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document, the body of every error response.
 *
 * @param type a URI reference naming the kind of problem; the last segment is a stable code
 *        clients can switch on (for example {@code /problems/county-already-paired})
 * @param errors per-field validation messages, present only for validation failures
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid field: a JSON path such as {@code items[2].value} or a query parameter name. An error in an
     * uploaded spreadsheet also names its cell: the sheet, the row (1-based, as the spreadsheet shows it), the
     * column (its letter, or absent when the whole row is meant), the value found there and a stable code; its
     * {@code field} is then the column's name.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, String code, String sheet, Integer row, String column,
            String value) {

        public FieldError(String field, String message) {
            this(field, message, null, null, null, null, null);
        }
    }
}
