package coop.intercoop.hub.spreadsheet.control;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import coop.intercoop.hub.tenancy.entity.Role;

/**
 * A client of the import pipeline (DESIGN rule 6): what a workbook of one kind holds and how its rows are checked and
 * written. The pipeline parses the first sheet once, streaming. In the first pass every row is {@linkplain Run#check
 * checked} and every problem reported with its row and column; nothing is written. In the second, inside one
 * transaction, the rows without errors are replayed from a work file and handed to {@link Run#write} in file order and
 * {@link Run#finish} completes the writing; the job's state is committed in the same transaction, so a job writes
 * everything or nothing. A run that offers {@link Streaming} checks and writes in one pass instead, in that same one
 * transaction, and falls back to the two passes when its rows' order does not allow it.
 * <p>
 * Implementations are CDI beans of the business components; they write through their component's controls.
 */
public interface Importer {

    /** The kind in URLs and jobs, such as {@code journal-entries}. */
    String kind();

    /** The base name of the bundle with the importer's report texts and column names (see {@link ImportTexts}). */
    String texts();

    /**
     * The columns, by key; each key's header in the template is the text {@code column.<key>} of {@link #texts()}.
     */
    List<Headers.Column> columns();

    /** The roles, one of which the caller needs in the job's organisation to start, follow or read a job. */
    Set<Role> roles();

    /** What the template workbook carries besides the headers: lists to pick from and an example. */
    Template template(Locale language);

    /**
     * Whether this kind's runs usually check and write in one pass ({@link Run#streaming}): while such a job runs, the
     * number of rows is not known until the end.
     */
    default boolean streams() {
        return false;
    }

    /** A new run over one workbook, reporting into {@code report}. */
    Run start(ImportReport report);

    /** The template's drop-down lists (column key to allowed values) and example rows (column key to value). */
    record Template(java.util.Map<String, List<String>> lists, List<java.util.Map<String, Object>> examples) {
    }

    /** One job's run. */
    interface Run {

        /** First pass: checks one row, reporting its problems through {@link ImportRow#error}. */
        void check(ImportRow row);

        /** After the first pass: checks across rows (such as an entry's balance), reported on the rows concerned. */
        default void checked() {
        }

        /**
         * Second pass, in the write transaction, before the first row: takes the locks the writing needs, in a fixed
         * order.
         */
        default void prepareWrite() {
        }

        /**
         * Second pass: one row that passed its own checks. An importer whose rows form groups skips the rows of a group
         * with errors and {@linkplain ImportReport#skipped counts them}.
         */
        void write(ImportRow row);

        /** Writes what was held back. */
        void finish();

        /**
         * After the checks: the organisations the rows without errors would be written into, besides the job's own
         * (empty when a kind writes into the job's organisation only).
         */
        default Set<Long> organisations() {
            return Set.of();
        }

        /**
         * After the writing: the rows written into each organisation (empty when a kind writes into the job's
         * organisation only), so that each one lists the job and counts its file as imported.
         */
        default java.util.Map<Long, Long> written() {
            return java.util.Map.of();
        }

        /** The run's way of checking and writing in one pass, or {@code null} when it writes only after checking. */
        default Streaming streaming() {
            return null;
        }
    }

    /**
     * Checking and writing in one pass, for a run whose groups of rows (an entry's lines) usually stand together in the
     * sheet. The pipeline hands it the rows in file order on one thread, while the job's thread, in the write
     * transaction, carries out the writes it submits: the parsing and checking of the next rows overlap the database's
     * writing of the previous ones. When the rows turn out not to allow it (a group's rows apart) the run throws
     * {@link OutOfOrder}; the pipeline then rolls back what was written and reads the sheet again in two passes.
     */
    interface Streaming {

        /** Checks one row as {@link Run#check} does, and submits the writes of what the rows so far complete. */
        void check(ImportRow row, Writes writes);

        /** After the last row: checks across rows as {@link Run#checked} does, and submits what was held back. */
        void end(Writes writes);
    }

    /** Where a streaming run submits its writes. */
    interface Writes {

        /** Whether writes are still wanted: not after an error in all-or-nothing mode, when nothing will be kept. */
        boolean wanted();

        /** A write of {@code rows} rows, carried out later on the job's thread, in the order submitted. */
        void submit(long rows, Runnable write);
    }

    /** The rows are not in an order a streaming run can write in one pass. */
    class OutOfOrder extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OutOfOrder(String message) {
            super(message, null, false, false);
        }
    }
}
