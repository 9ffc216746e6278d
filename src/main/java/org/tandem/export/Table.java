package org.tandem.export;

import java.util.List;

/** The columns of an export of rows of type {@code T}, and the name of its sheet. */
public record Table<T>(String sheet, List<Column<T>> columns) {

    @SafeVarargs
    public static <T> Table<T> of(String sheet, Column<T>... columns) {
        return new Table<>(sheet, List.of(columns));
    }
}
