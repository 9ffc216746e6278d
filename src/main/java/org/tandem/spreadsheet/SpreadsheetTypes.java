package org.tandem.spreadsheet;

/** The media types of spreadsheets in and out. */
final class SpreadsheetTypes {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";

    private SpreadsheetTypes() {
    }
}
