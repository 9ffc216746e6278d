package org.tandem.spreadsheet;

import org.tandem.indicator.ValueKind;

/** What an import brings in: the kind names the sheet it reads and what it writes (values, or records). */
enum ImportKind {
    TARGETS("targets", "目标", ValueKind.TARGET),
    ACTUALS("actuals", "实际", ValueKind.ACTUAL),
    PROJECTS("projects", "项目", null),
    ACTIVITIES("activities", "活动", null),
    PARKS("parks", "园区", null),
    /** Pairings with the designations they need: admins only. */
    PAIRINGS("pairings", "结对", null);

    /** The query parameter's value and the sheet's name. */
    final String code;
    /** The sheet's Chinese name, also accepted. */
    final String sheetZh;
    /** The values a targets or actuals sheet writes; null for a sheet of records. */
    final ValueKind valueKind;

    ImportKind(String code, String sheetZh, ValueKind valueKind) {
        this.code = code;
        this.sheetZh = sheetZh;
        this.valueKind = valueKind;
    }

    static final String CODES = "targets|actuals|projects|activities|parks|pairings";

    static ImportKind of(String code) {
        for (ImportKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
