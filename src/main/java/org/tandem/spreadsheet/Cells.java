package org.tandem.spreadsheet;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

/** A sheet as read: its name and its non-empty rows, the header first. No cell is interpreted here. */
record Cells(String sheet, List<Row> rows) {

    /** What a cell held, as the file said. */
    enum Type {
        EMPTY,
        TEXT,
        NUMBER,
        /** A number formatted as a date. */
        DATE,
        BOOLEAN,
        FORMULA,
        ERROR
    }

    /** One cell: its type and its text (a number's exact digits, a formula's formula). */
    record Cell(Type type, String text) {
        static final Cell EMPTY = new Cell(Type.EMPTY, "");
    }

    /** A row by its number as the spreadsheet shows it (1-based) and its cells by 0-based column. */
    record Row(int number, Map<Integer, Cell> cells) {
        Cell cell(int column) {
            return cells.getOrDefault(column, Cell.EMPTY);
        }
    }

    /** Full-width digits, letters and signs as their ASCII forms (NFKC), so "１２．５" reads as "12.5". */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
}
