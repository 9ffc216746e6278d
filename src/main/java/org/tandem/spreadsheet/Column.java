package org.tandem.spreadsheet;

import org.dhatim.fastexcel.reader.CellAddress;

/**
 * The columns of a targets or actuals sheet, in the order a template writes them. The import finds them by their
 * header (English or Chinese, any order); name and unit are there for the reader and are not read back.
 */
enum Column {
    KEY("key", "键", false),
    PAIRING("pairing", "结对编号", true),
    YEAR("year", "年度", true),
    INDICATOR("indicator", "指标代码", true),
    NAME("name", "指标名称", false),
    UNIT("unit", "单位", false),
    VALUE("value", "数值", true);

    final String en;
    final String zh;
    /** Whether a sheet without this column is refused. */
    final boolean required;

    Column(String en, String zh, boolean required) {
        this.en = en;
        this.zh = zh;
        this.required = required;
    }

    String header(boolean english) {
        return english ? en : zh;
    }

    /** The column a header names, or null. */
    static Column byHeader(String header) {
        if (header == null) {
            return null;
        }
        String wanted = Cells.normalise(header).strip();
        for (Column column : values()) {
            if (column.en.equalsIgnoreCase(wanted) || column.zh.equals(wanted)) {
                return column;
            }
        }
        return null;
    }

    /** The letter(s) of a 0-based column index, as a spreadsheet shows them. */
    static String letter(int index) {
        return CellAddress.convertNumToColString(index);
    }
}
