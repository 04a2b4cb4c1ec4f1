package coop.intercoop.hub.accounting.control;

import java.time.LocalDate;

import coop.intercoop.hub.accounting.entity.Dimension;
import coop.intercoop.hub.accounting.entity.LockDates;

/**
 * What the posting rules ({@link PostingRules}) need to know about one organisation's books: its accounts, the fiscal
 * year of a date, its lock dates and its analytic codes. The ledger provides it from its locking reads while it posts
 * ({@link Ledger}), an import from a snapshot read once for many rows ({@link BookSnapshot}), and a unit test from
 * memory.
 */
public interface BooksView {

    /** An account of the organisation's chart: a posting account takes entries, a heading does not. */
    record ChartAccount(String code, String name, boolean posting) {
    }

    /** The fiscal year a date falls in, by its label, and whether it is closed or its journal legalised. */
    record Year(int year, boolean closed, boolean legalised) {
    }

    /** The account of the chart with this code; {@code null} if the chart has none. */
    ChartAccount account(String code);

    /** The fiscal year containing the date; {@code null} if none of the organisation's does. */
    Year yearOf(LocalDate date);

    /** The organisation's lock dates (nothing locked if it never set any). */
    LockDates locks();

    /** Whether the organisation has the project, grant or work centre of this code, written as the books keep it. */
    boolean hasAnalytic(Dimension dimension, String canonicalCode);
}
