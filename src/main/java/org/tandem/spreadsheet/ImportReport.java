package org.tandem.spreadsheet;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.problem.Problem;

/** What an import did, or (dry run) would do, row by row. */
@Schema(name = "ImportReport")
record ImportReport(
        @Schema(description = "The import's record (GET /api/v1/imports/{id}); absent for a dry run and for an import that changed nothing") Long id,
        @Schema(required = true, enumeration = {
                "targets", "actuals", "projects", "activities", "parks", "pairings" }) String kind,
        @Schema(required = true) boolean dryRun, @Schema(required = true) String fileName,
        @Schema(required = true, description = "SHA-256 of the file, hex") String sha256,
        @Schema(required = true) String sheet, OffsetDateTime importedAt,
        @Schema(required = true) ImportTotals totals,
        @Schema(required = true, description = "Every data row, in file order") List<RowOutcome> rows,
        @Schema(required = true, description = "Every error, each naming its sheet, row, column and the value found (a dry run only: an import with errors is refused with 400)") List<Problem.FieldError> errors){

    @Schema(name = "ImportTotals")
    record ImportTotals(@Schema(required = true) int rows, @Schema(required = true) int created,
            @Schema(required = true) int updated, @Schema(required = true) int unchanged,
            @Schema(required = true, description = "Rows with at least one error") int errors) {
    }

    @Schema(name = "ImportRowOutcome")
    record RowOutcome(@Schema(required = true) int row,
            @Schema(description = "Targets and actuals: pairing/year/indicator. Projects, activities, parks: the record's id (of a new one once imported)", examples = "12/2024/LEAN_BENCHMARK_PROJECTS") String key,
            @Schema(required = true, enumeration = {
                    "created", "updated", "unchanged", "error" }) String outcome){
    }
}
