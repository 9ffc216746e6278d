package org.tandem.document;

import java.util.regex.Matcher;

import org.tandem.problem.ProblemException;

/**
 * The record a document is attached to, as clients name it: {@code project:<id>}, {@code activity:<id>},
 * {@code park:<id>}, {@code adjustment:<id>}, {@code objection:<id>} or {@code actuals:<pairingId>:<year>} (a pair-year's
 * actuals).
 */
public record Subject(SubjectKind kind, long id, Integer year) {

    /** The forms accepted, for validation and the contract. */
    public static final String PATTERN = "^((project|activity|park|adjustment|objection):[0-9]{1,18}|actuals:[0-9]{1,18}:[0-9]{4})$";
    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile(PATTERN);

    /** Reads a subject, or 400 naming the parameter {@code field}. */
    static Subject parse(String field, String text) {
        Matcher matcher = text == null ? null : FORM.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw ProblemException.invalid(field, "must be project:<id>, activity:<id>, park:<id>, adjustment:<id>,"
                    + " objection:<id> or actuals:<pairingId>:<year>");
        }
        String[] parts = text.split(":");
        SubjectKind kind = SubjectKind.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
        try {
            return new Subject(kind, Long.parseLong(parts[1]), parts.length > 2 ? Integer.valueOf(parts[2]) : null);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "the id is too large");
        }
    }

    /** As clients write it. */
    @Override
    public String toString() {
        return kind.code() + ":" + id + (year == null ? "" : ":" + year);
    }
}
