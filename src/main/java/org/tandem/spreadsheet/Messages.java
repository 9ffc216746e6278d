package org.tandem.spreadsheet;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;

/**
 * What a clerk reads about a file or a cell, by stable code: in Chinese, or in English when the request asks for
 * it ({@code Accept-Language: en}). {0} is the value found, {1} more detail where a message has it.
 */
final class Messages {

    private Messages() {
    }

    private record Text(String zh, String en) {
    }

    private static final Map<String, Text> TEXTS = Map.ofEntries(
            // the file
            Map.entry("empty-file", new Text("文件是空的。", "The file is empty.")),
            Map.entry("not-a-spreadsheet", new Text("这不是 XLSX 或 CSV 文件，请上传从模板填写的 Excel 工作簿（.xlsx）或 UTF-8 编码的 CSV。",
                    "This is not an XLSX or CSV file: upload the Excel workbook (.xlsx) filled in from the template, or a UTF-8 CSV.")),
            Map.entry("encrypted-or-legacy-workbook", new Text("工作簿已加密（设置了打开密码）或是旧的 .xls 格式，请取消密码并另存为 .xlsx 后再上传。",
                    "The workbook is password-protected or in the old .xls format: remove the password and save it as .xlsx.")),
            Map.entry("corrupt-workbook", new Text("工作簿已损坏，无法读取，请在 Excel 中打开并重新保存后再上传。",
                    "The workbook is damaged and cannot be read: open it in Excel, save it again and upload that.")),
            Map.entry("too-large-uncompressed", new Text("工作簿解压后超过 {1} 字节的上限（可能是压缩炸弹），已拒绝。",
                    "The workbook unpacks to more than the limit of {1} bytes (possibly a zip bomb) and is refused.")),
            Map.entry("too-many-rows", new Text("文件的数据行超过 {1} 行的上限，请分成几个文件导入。",
                    "The file has more than {1} data rows, the limit: split it into several files.")),
            Map.entry("not-utf8", new Text("CSV 文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”。",
                    "The CSV file is not UTF-8: save it from Excel as \"CSV UTF-8\".")),
            Map.entry("wrong-sheet", new Text("工作簿中没有名为“{0}”的工作表（找到：{1}）。请使用模板中的工作表。",
                    "The workbook has no sheet named \"{0}\" (found: {1}). Use the sheet from the template.")),
            Map.entry("missing-column", new Text("表头缺少“{1}”列。", "The header row has no \"{1}\" column.")),
            Map.entry("merged-or-hidden-cells", new Text("工作表“{0}”中有 {1} 处合并单元格或隐藏的行、列：请取消合并、取消隐藏（或删除隐藏的行）后再导入。",
                    "The sheet \"{0}\" has {1} merged cells or hidden rows or columns: unmerge and unhide them (or delete the hidden rows) before importing.")),
            Map.entry("merged-cells", new Text("单元格 {0} 是合并单元格。", "The cells {0} are merged.")),
            Map.entry("hidden-row", new Text("第 {0} 行被隐藏。", "Row {0} is hidden.")),
            Map.entry("hidden-column", new Text("列 {0} 被隐藏。", "Column {0} is hidden.")),
            Map.entry("no-rows", new Text("工作表除表头外没有数据行。", "The sheet has no rows under its header.")),
            // a cell
            Map.entry("formula", new Text("单元格含有公式“{0}”，请粘贴为数值后再导入。",
                    "The cell holds the formula \"{0}\": paste it as a value before importing.")),
            Map.entry("error-cell", new Text("单元格显示错误值“{0}”。", "The cell shows the error \"{0}\".")),
            Map.entry("missing-value", new Text("此单元格必须填写。", "This cell must be filled in.")),
            Map.entry("not-a-number", new Text("“{0}”不是数字，请只填写数字（如 12.5），不要带单位或文字。",
                    "\"{0}\" is not a number: enter digits only (like 12.5), without units or words.")),
            Map.entry("not-an-integer", new Text("“{0}”不是整数编号。", "\"{0}\" is not a whole number.")),
            Map.entry("date-not-year", new Text("年度应为四位数字（如 2024），这里填的是日期“{0}”。",
                    "The year must be four digits (like 2024), not the date \"{0}\".")),
            Map.entry("not-a-year", new Text("“{0}”不是年度，应为四位数字，如 2024。",
                    "\"{0}\" is not a year: enter four digits, like 2024.")),
            Map.entry("key-mismatch", new Text("键“{0}”与本行的结对编号、年度、指标代码不一致：请不要修改已有行的这三列，新增数据请另起一行并留空键。",
                    "The key \"{0}\" does not match this row's pairing, year and indicator: do not change those three in an existing row; add a new row with an empty key instead.")),
            Map.entry("duplicate-row", new Text("同一结对、年度、指标在第 {1} 行已经出现过。",
                    "The same pairing, year and indicator is already on row {1}.")),
            // the rules of the values
            Map.entry("not-found", new Text("没有编号为 {0} 的结对。", "There is no pairing {0}.")),
            Map.entry("not-your-pairing", new Text("结对 {0} 不属于您所在的县，您不能修改它的数据。",
                    "Pairing {0} is not your county's: you may not change its data.")),
            Map.entry("year-outside-program", new Text("年度 {0} 不在该结对所属计划的年度范围内。",
                    "The year {0} is outside the years of the pairing's programme.")),
            Map.entry("locked-by-finalized-assessment", new Text("{0} 年度的数据已由定稿的考核锁定，不能修改。",
                    "The data of {0} are locked by a finalized assessment and cannot change.")),
            Map.entry("actuals-locked", new Text("{0} 年度的实际值已提交或已审核，退回草稿后才能修改。",
                    "The actuals of {0} were submitted or approved: they can change only once returned to draft.")),
            Map.entry("reason-required", new Text("该年度的实际值曾经提交过，修改需要说明原因（导入时填写 reason 参数）。",
                    "The year's actuals were submitted before, so a change needs a reason (the reason parameter).")),
            Map.entry("unknown-indicator", new Text("没有代码为“{0}”的指标，请从“指标”工作表中选择。",
                    "There is no indicator \"{0}\": pick one from the indicators sheet.")),
            Map.entry("derived-indicator", new Text("指标“{0}”是派生指标，其实际值由项目和活动自动计算，不能填写。",
                    "\"{0}\" is a derived indicator: its actual is computed from projects and activities and cannot be entered.")),
            Map.entry("inactive-indicator", new Text("指标“{0}”已停用，不能再填写数值。", "The indicator \"{0}\" is no longer in use.")),
            Map.entry("duplicate-indicator", new Text("指标“{0}”重复。", "The indicator \"{0}\" is listed twice.")),
            Map.entry("negative-value", new Text("数值“{0}”不能为负数。", "The value \"{0}\" must not be negative.")),
            Map.entry("too-many-digits", new Text("数值“{0}”的位数过多：整数最多 16 位，指标值最多 4 位小数，金额最多 2 位小数。",
                    "The value \"{0}\" has too many digits: at most 16 before the point, 4 after it for an indicator's value, 2 for money.")),
            // the rules of projects, activities and parks
            Map.entry("not-a-date", new Text("“{0}”不是日期：请填写日期单元格，或按年-月-日填写（如 2024-03-15）。",
                    "\"{0}\" is not a date: use a date cell, or year-month-day text (like 2024-03-15).")),
            Map.entry("date-out-of-range", new Text("日期“{0}”超出范围：应在 1949-10-01 之后，已发生的事项不能晚于今天。",
                    "The date \"{0}\" is out of range: not before 1949-10-01, and not after today for something that has happened.")),
            Map.entry("too-long", new Text("内容过长（“{0}”）。", "The text is too long (\"{0}\").")),
            Map.entry("out-of-range", new Text("数值“{0}”超出允许范围。", "The value \"{0}\" is out of range.")),
            Map.entry("not-a-county-code", new Text("“{0}”不是六位县级行政区划代码。", "\"{0}\" is not a 6-digit county code.")),
            Map.entry("unknown-value", new Text("“{0}”不是允许的取值，请从下拉列表中选择。",
                    "\"{0}\" is not one of the allowed values: pick one from the list.")),
            Map.entry("unknown-program", new Text("没有代码为“{0}”的计划。", "There is no programme \"{0}\".")),
            Map.entry("unknown-county", new Text("没有代码为“{0}”的县。", "There is no county \"{0}\".")),
            Map.entry("designated-otherwise", new Text("县“{0}”在该计划中已被指定为另一侧（产业县/山区县）。",
                    "The county \"{0}\" is designated on the other side in this programme.")),
            Map.entry("county-already-paired", new Text("县“{0}”在该计划中已经有结对。",
                    "The county \"{0}\" is already paired in this programme.")),
            Map.entry("same-county", new Text("一个县不能与自己结对（“{0}”）。", "A county cannot be paired with itself (\"{0}\").")),
            Map.entry("admins-only", new Text("只有管理员可以导入结对和指定县。", "Only admins may import pairings and designations.")),
            Map.entry("unknown-track", new Text("没有代码为“{0}”的合作方面，请从下拉列表中选择。",
                    "There is no track \"{0}\": pick one from the list.")),
            Map.entry("host-county-not-in-pair", new Text("县“{0}”不是该结对的两个县之一。",
                    "The county \"{0}\" is not one of the pair's two counties.")),
            Map.entry("record-not-found", new Text("该结对下没有编号为 {0} 的记录：新增记录请留空编号。",
                    "The pairing has no record {0}: leave the key empty for a new one.")),
            Map.entry("ambiguous-match", new Text("该结对下有多条同名记录，请填写编号以指明要修改哪一条。",
                    "Several of the pairing's records have this name: fill in the key of the one to change.")),
            Map.entry("duplicate-record", new Text("同一条记录在前面的行中已经出现过。", "The same record is on an earlier row.")),
            Map.entry("step-date-fixed", new Text("项目已在其他日期完成这一步骤，已发生的步骤日期不能修改（“{0}”）。",
                    "The project took this step on another date; a step taken does not change (\"{0}\").")),
            Map.entry("step-before-previous", new Text("步骤日期“{0}”早于项目的上一步骤。",
                    "The step's date \"{0}\" is before the project's previous step.")),
            Map.entry("planned-after-steps", new Text("谋划日期“{0}”晚于项目已完成的后续步骤。",
                    "The planning date \"{0}\" is after steps the project has taken.")),
            Map.entry("illegal-transition", new Text("项目当前状态不能进入这一步骤（“{0}”），已投产或已取消的项目不能再变更。",
                    "The project cannot take this step from its current state (\"{0}\").")),
            Map.entry("record-locked", new Text("该记录涉及的年度已由定稿的考核锁定，不能修改（需先重新开放该考核）。",
                    "A year this record touches is locked by a finalized assessment (reopen it first).")),
            Map.entry("invalid-rows", new Text("文件中有 {1} 处错误，未导入任何数据。", "{1} cells are wrong; nothing was imported.")));

    static boolean known(String code) {
        return TEXTS.containsKey(code);
    }

    static String of(String code, boolean english, Object value, Object detail) {
        Text text = TEXTS.get(code);
        if (text == null) {
            return code;
        }
        MessageFormat format = new MessageFormat((english ? text.en() : text.zh()).replace("'", "''"), Locale.ROOT);
        return format.format(new Object[] { value == null ? "" : String.valueOf(value),
                detail == null ? "" : String.valueOf(detail) });
    }

    /** Whether an {@code Accept-Language} header prefers English over Chinese (the default). */
    static boolean english(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("zh")) {
                    return false;
                }
                if (tag.startsWith("en")) {
                    return true;
                }
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }
}
