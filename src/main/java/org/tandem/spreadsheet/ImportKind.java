package org.tandem.spreadsheet;

import org.tandem.indicator.ValueKind;

/** What an import brings in: the kind names the sheet it reads and the values it writes. */
enum ImportKind {
    TARGETS("targets", "目标", ValueKind.TARGET),
    ACTUALS("actuals", "实际", ValueKind.ACTUAL);

    /** The query parameter's value and the sheet's name. */
    final String code;
    /** The sheet's Chinese name, also accepted. */
    final String sheetZh;
    final ValueKind valueKind;

    ImportKind(String code, String sheetZh, ValueKind valueKind) {
        this.code = code;
        this.sheetZh = sheetZh;
        this.valueKind = valueKind;
    }

    static final String CODES = "targets|actuals";

    static ImportKind of(String code) {
        for (ImportKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
