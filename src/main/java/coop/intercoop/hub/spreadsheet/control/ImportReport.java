package coop.intercoop.hub.spreadsheet.control;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import coop.intercoop.hub.spreadsheet.entity.ImportProblem;
import coop.intercoop.hub.spreadsheet.entity.ImportProblem.Severity;

/**
 * The validation report of one job while it runs: collects errors and warnings in the job's language, remembers which
 * rows have errors (one bit per row, so a million rows cost 128 KiB), and hands the problems to a sink in batches so
 * they never pile up in memory. At most {@code maxStored} problems are kept; all are counted.
 */
public final class ImportReport {

    private static final int BATCH = 1_000;

    private final Locale language;
    private final String texts;
    private final long maxStored;
    private final Consumer<List<ImportProblem>> sink;
    private final BitSet failedRows = new BitSet();
    private final List<ImportProblem> pending = new ArrayList<>();
    private long errors;
    private long warnings;
    private long stored;
    private long skipped;

    public ImportReport(Locale language, String texts, long maxStored, Consumer<List<ImportProblem>> sink) {
        this.language = ImportTexts.language(language);
        this.texts = texts;
        this.maxStored = maxStored;
        this.sink = sink;
    }

    public Locale language() {
        return language;
    }

    /** A text of the importer's bundle in the job's language. */
    public String text(String key, Object... arguments) {
        return ImportTexts.format(texts, language, key, arguments);
    }

    /** An error on a row (or on the file, without a row), in the importer's texts. */
    public void error(String sheet, Integer row, String column, String key, Object... arguments) {
        add(Severity.ERROR, sheet, row, column, text(key, arguments));
    }

    /** An error whose message is already in the job's language. */
    public void errorText(String sheet, Integer row, String column, String message) {
        add(Severity.ERROR, sheet, row, column, message);
    }

    public void warningText(String sheet, Integer row, String column, String message) {
        add(Severity.WARNING, sheet, row, column, message);
    }

    private void add(Severity severity, String sheet, Integer row, String column, String message) {
        if (severity == Severity.ERROR) {
            errors++;
            if (row != null) {
                failedRows.set(row);
            }
        } else {
            warnings++;
        }
        if (stored < maxStored) {
            stored++;
            pending.add(new ImportProblem(severity, sheet, row, column, message));
            if (pending.size() >= BATCH) {
                flush();
            }
        }
    }

    /** Hands the problems collected so far to the sink. */
    public void flush() {
        if (!pending.isEmpty()) {
            sink.accept(List.copyOf(pending));
            pending.clear();
        }
    }

    /** Forgets everything reported and not yet handed over, to read the rows again from the start. */
    public void restart() {
        pending.clear();
        failedRows.clear();
        errors = 0;
        warnings = 0;
        stored = 0;
        skipped = 0;
    }

    public boolean hasFailed(int row) {
        return failedRows.get(row);
    }

    /** Counts rows a group's error keeps from being written although they have no error of their own. */
    public void skipped(long rows) {
        skipped += rows;
    }

    public long errors() {
        return errors;
    }

    public long warnings() {
        return warnings;
    }

    public long rowsWithErrors() {
        return failedRows.cardinality();
    }

    public long skipped() {
        return skipped;
    }

    /** Whether some problems were counted but not kept. */
    public boolean isCapped() {
        return errors + warnings > stored;
    }

    public long maxStored() {
        return maxStored;
    }
}
