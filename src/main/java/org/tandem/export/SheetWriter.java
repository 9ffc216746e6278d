package org.tandem.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/** Writes the header and then the rows of one export, in one format, as they come. */
interface SheetWriter {

    void header(List<String> headers) throws IOException;

    void row(List<CellType> types, List<Object> values) throws IOException;

    /** Everything written so far goes out (called after each batch of rows). */
    void flush() throws IOException;

    void finish() throws IOException;

    /** The value a cell of {@code type} holds, normalised: text, a long, a BigDecimal, a LocalDate or a UTC LocalDateTime. */
    static Object normalise(CellType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case TEXT -> value instanceof Enum<?> e ? e.name() : value.toString();
            case INTEGER -> ((Number) value).longValue();
            case DECIMAL -> value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
            case MONEY -> (value instanceof BigDecimal d ? d : new BigDecimal(value.toString())).setScale(2,
                    RoundingMode.HALF_UP);
            case DATE -> (LocalDate) value;
            case TIMESTAMP -> utc(value);
        };
    }

    private static LocalDateTime utc(Object value) {
        if (value instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof LocalDateTime l) {
            return l;
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass());
    }
}
