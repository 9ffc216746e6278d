package org.tandem.spreadsheet;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tandem.audit.AuditLog;
import org.tandem.indicator.PairYearBatches;
import org.tandem.problem.Problem;
import org.tandem.problem.ProblemException;
import org.tandem.security.Actor;
import org.tandem.security.Roles;
import org.tandem.web.RequestIds;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Imports one sheet of a file ({@link SpreadsheetReader}). Projects, activities, parks and pairings: see
 * {@link #records}. Targets or actuals: reads the rows ({@link ValueSheet}), checks every pair-year's values by
 * the rules of the JSON API ({@link PairYearBatches}) and reports each row. A dry run stops there. Otherwise, in one
 * transaction: refused whole (400, every error listed)
 * unless every row passes; when something changes, an {@link ImportRecord} is kept, every audit event of the
 * transaction names it ({@code import:<id>}) and the values are written by the same code as PUT targets / actuals.
 * An import that changes nothing (the same file again) writes nothing at all, record and audit included.
 */
@ApplicationScoped
class Imports {

    /** An uploaded file. */
    record Upload(String fileName, String mediaType, byte[] bytes) {
    }

    private record PairYearKey(long pairing, int year) {
    }

    @Inject
    SpreadsheetReader reader;
    @Inject
    PairYearBatches batches;
    @Inject
    AuditLog audit;
    @Inject
    Actor actor;
    @Inject
    SecurityIdentity identity;
    @Inject
    RecordImports recordImports;

    static String context(long importId) {
        return "import:" + importId;
    }

    /**
     * One transaction for the whole file, given {@code tandem.import.transaction-timeout} seconds rather than the
     * default minute: a file at the row limit takes longer, and a transaction the reaper aborts mid-write is a
     * failed import instead of a report.
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "tandem.import.transaction-timeout")
    ImportReport run(Upload upload, ImportKind kind, boolean dryRun, String reason, boolean english) {
        return kind.valueKind == null ? records(upload, kind, dryRun, english)
                : values(upload, kind, dryRun, reason,
                        english);
    }

    /**
     * Projects, activities, parks or pairings: the rows are checked and, unless this is a dry run or a row has an
     * error, written ({@link RecordImports}); a dry run, an import with any error and one that changed nothing are
     * rolled back whole.
     */
    private ImportReport records(Upload upload, ImportKind kind, boolean dryRun, boolean english) {
        if (kind == ImportKind.PAIRINGS && !identity.hasRole(Roles.ADMIN)) {
            throw new ProblemException(403, "admins-only", "Forbidden", Messages.of("admins-only", english, null, null),
                    null);
        }
        String sha256 = sha256(upload.bytes());
        RecordSheet.Read read = RecordSheet.read(reader.read(upload.bytes(), kind, english),
                RecordImports.fields(kind), english);
        ImportRecord record = dryRun ? null : record(upload, kind, sha256);
        if (record != null) {
            audit.context(context(record.id));
        }
        RecordImports.Outcomes written = recordImports.write(kind, read, english, !dryRun);
        List<Problem.FieldError> errors = new ArrayList<>(read.errors());
        errors.addAll(written.errors());
        sort(errors);
        Map<Integer, String> outcomes = new TreeMap<>();
        Map<Integer, String> keys = new TreeMap<>();
        errors.forEach(error -> outcomes.put(error.row(), "error"));
        read.rows().forEach(row -> keys.put(row.row(), row.id() == null ? null : String.valueOf(row.id())));
        int[] counts = new int[3];
        written.results().forEach((row, result) -> {
            if (result.outcome() != null) {
                outcomes.put(row, result.outcome().name().toLowerCase(java.util.Locale.ROOT));
                counts[result.outcome().ordinal()]++;
                if (!dryRun && result.id() != null) {
                    keys.put(row, String.valueOf(result.id()));
                }
            }
        });
        int errorRows = (int) outcomes.values().stream().filter("error"::equals).count();
        if (!dryRun && !errors.isEmpty()) {
            throw new ProblemException(400, "invalid-rows", "Invalid rows",
                    Messages.of("invalid-rows", english, null, errors.size()), errors);
        }
        boolean changed = counts[0] + counts[1] > 0;
        if (dryRun || !changed) {
            // Nothing of a dry run, nor the record of an import that changed nothing, is kept.
            QuarkusTransaction.setRollbackOnly();
            record = null;
        } else {
            record.rowsRead = outcomes.size();
            record.created = counts[0];
            record.updated = counts[1];
            record.unchanged = counts[2];
        }
        List<ImportReport.RowOutcome> rows = new ArrayList<>();
        outcomes.forEach((row, outcome) -> rows.add(new ImportReport.RowOutcome(row, keys.get(row), outcome)));
        return new ImportReport(record == null ? null : record.id, kind.code, dryRun, upload.fileName(), sha256,
                read.sheet(), record == null ? null : record.importedAt,
                new ImportReport.ImportTotals(outcomes.size(), counts[0], counts[1], counts[2], errorRows), rows,
                errors);
    }

    private ImportRecord record(Upload upload, ImportKind kind, String sha256) {
        ImportRecord record = new ImportRecord();
        record.kind = kind.code;
        record.fileName = upload.fileName();
        record.sha256 = sha256;
        record.mediaType = upload.mediaType();
        record.actor = actor.name();
        record.importedAt = OffsetDateTime.now();
        record.requestId = RequestIds.current();
        record.persist();
        return record;
    }

    private static void sort(List<Problem.FieldError> errors) {
        errors.sort(java.util.Comparator.comparing(Problem.FieldError::row)
                .thenComparing(e -> e.column() == null ? "" : e.column()));
    }

    /**
     * Targets or actuals: loaded once ({@link PairYearBatches#load}, the pairings held unless a dry run), checked,
     * and written only when all pass.
     */
    private ImportReport values(Upload upload, ImportKind kind, boolean dryRun, String reason, boolean english) {
        String sha256 = sha256(upload.bytes());
        ValueSheet.Read read = ValueSheet.read(reader.read(upload.bytes(), kind, english), english);
        List<Problem.FieldError> errors = new ArrayList<>(read.errors());
        Map<Integer, String> outcomes = new TreeMap<>();
        Map<Integer, String> keys = new TreeMap<>();
        read.errors().forEach(error -> outcomes.put(error.row(), "error"));
        Map<PairYearKey, List<ValueSheet.ValueRow>> groups = new LinkedHashMap<>();
        for (ValueSheet.ValueRow row : read.rows()) {
            groups.computeIfAbsent(new PairYearKey(row.pairing(), row.year()), k -> new ArrayList<>()).add(row);
            keys.put(row.row(), row.expectedKey());
        }
        boolean changes = false;
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<PairYearBatches.Group> all = groups.entrySet().stream()
                .map(group -> new PairYearBatches.Group(group.getKey().pairing(), group.getKey().year(),
                        group.getValue().stream()
                                .map(row -> new PairYearBatches.Entry(row.indicator(), row.value())).toList()))
                .toList();
        PairYearBatches.Batch batch = batches.load(kind.valueKind, all, !dryRun);
        List<PairYearBatches.Checked> checkedAll = batch.check(reason);
        int index = 0;
        for (var group : groups.entrySet()) {
            List<ValueSheet.ValueRow> rows = group.getValue();
            PairYearBatches.Checked checked = checkedAll.get(index++);
            for (PairYearBatches.Refusal refusal : checked.refusals()) {
                for (ValueSheet.ValueRow row : refusal.index() < 0 ? rows : List.of(rows.get(refusal.index()))) {
                    Column column = column(refusal);
                    errors.add(read.error(row, column, valueOf(row, column), refusal.code(), refusal.message(),
                            english));
                    outcomes.put(row.row(), "error");
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                PairYearBatches.Outcome outcome = checked.outcomes().get(i);
                if (outcome == null || "error".equals(outcomes.get(rows.get(i).row()))) {
                    continue;
                }
                outcomes.put(rows.get(i).row(), outcome.name().toLowerCase(java.util.Locale.ROOT));
                switch (outcome) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
                changes |= outcome != PairYearBatches.Outcome.UNCHANGED;
            }
        }
        sort(errors);
        int errorRows = (int) outcomes.values().stream().filter("error"::equals).count();
        if (!dryRun && !errors.isEmpty()) {
            throw new ProblemException(400, "invalid-rows", "Invalid rows",
                    Messages.of("invalid-rows", english, null, errors.size()), errors);
        }
        Long id = null;
        OffsetDateTime importedAt = null;
        if (!dryRun && changes) {
            ImportRecord record = record(upload, kind, sha256);
            record.rowsRead = outcomes.size();
            record.created = created;
            record.updated = updated;
            record.unchanged = unchanged;
            audit.context(context(record.id));
            batch.write(reason);
            id = record.id;
            importedAt = record.importedAt;
        }
        List<ImportReport.RowOutcome> rows = new ArrayList<>();
        outcomes.forEach((row, outcome) -> rows.add(new ImportReport.RowOutcome(row, keys.get(row), outcome)));
        return new ImportReport(id, kind.code, dryRun, upload.fileName(), sha256, read.sheet(), importedAt,
                new ImportReport.ImportTotals(outcomes.size(), created, updated, unchanged, errorRows), rows,
                errors);
    }

    /** An import's record; a county editor sees only their own. */
    @Transactional
    ImportView get(long id) {
        ImportRecord record = ImportRecord.findById(id);
        if (record == null || !(identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.ASSESSOR))
                && !record.actor.equals(actor.name())) {
            throw ProblemException.notFound("import", id);
        }
        return ImportView.of(record);
    }

    /** The cell a refusal is about. */
    private static Column column(PairYearBatches.Refusal refusal) {
        return switch (refusal.code()) {
            case "not-found", "not-your-pairing" -> Column.PAIRING;
            case "year-outside-program", "locked-by-finalized-assessment", "actuals-locked" -> Column.YEAR;
            case "reason-required" -> Column.VALUE;
            default -> "value".equals(refusal.field()) ? Column.VALUE : Column.INDICATOR;
        };
    }

    private static String valueOf(ValueSheet.ValueRow row, Column column) {
        return switch (column) {
            case PAIRING -> String.valueOf(row.pairing());
            case YEAR -> String.valueOf(row.year());
            case VALUE -> row.value() == null ? "" : row.value().toPlainString();
            default -> row.indicator();
        };
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
