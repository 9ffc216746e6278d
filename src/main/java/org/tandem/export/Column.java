package org.tandem.export;

import java.util.function.Function;

/**
 * One column of an export: its header in Chinese and in English, what its cells hold, and how a row gives its
 * value (null for an empty cell).
 */
public record Column<T>(String zh, String en, CellType type, Function<T, ?> value) {

    public static <T> Column<T> text(String zh, String en, Function<T, ?> value) {
        return new Column<>(zh, en, CellType.TEXT, value);
    }

    public static <T> Column<T> integer(String zh, String en, Function<T, ? extends Number> value) {
        return new Column<>(zh, en, CellType.INTEGER, value);
    }

    public static <T> Column<T> decimal(String zh, String en, Function<T, ? extends Number> value) {
        return new Column<>(zh, en, CellType.DECIMAL, value);
    }

    public static <T> Column<T> money(String zh, String en, Function<T, ? extends Number> value) {
        return new Column<>(zh, en, CellType.MONEY, value);
    }

    public static <T> Column<T> date(String zh, String en, Function<T, ?> value) {
        return new Column<>(zh, en, CellType.DATE, value);
    }

    public static <T> Column<T> timestamp(String zh, String en, Function<T, ?> value) {
        return new Column<>(zh, en, CellType.TIMESTAMP, value);
    }

    /** The header in the language asked for. */
    String header(Language language) {
        return language == Language.EN ? en : zh;
    }
}
