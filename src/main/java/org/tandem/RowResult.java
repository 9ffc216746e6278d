package org.tandem;

/**
 * What a batch write did with one row: created, updated or left unchanged its record (and the record's id), or
 * refused it with a stable code, the field (a column of the row) it is about and a message in English.
 */
public record RowResult(Outcome outcome, Long id, Refusal refusal) {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record Refusal(String code, String field, String message) {
    }

    public static RowResult of(Outcome outcome, Long id) {
        return new RowResult(outcome, id, null);
    }

    public static RowResult refused(String code, String field, String message) {
        return new RowResult(null, null, new Refusal(code, field, message));
    }

    /** Whether the row changed its record. */
    public boolean changed() {
        return outcome == Outcome.CREATED || outcome == Outcome.UPDATED;
    }
}
