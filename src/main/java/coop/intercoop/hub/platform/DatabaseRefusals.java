package coop.intercoop.hub.platform;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.persistence.exceptions.EclipseLinkException;

/**
 * The database's refusals that a person can act on, named by the request field they are about: a duplicate of a unique
 * key (409), a number out of its column's range or a text longer than its column (400). The checks in Java come first
 * and give the precise answer; this is the backstop for what they cannot see, chiefly two requests creating the same
 * thing at the same moment, both passing the check before either commits. Found anywhere in a failure's causes (a flush
 * inside the use case or the commit after it, wrapped by EclipseLink and the transaction).
 */
public final class DatabaseRefusals {

    private static final Logger LOG = Logger.getLogger(DatabaseRefusals.class.getName());

    /** MariaDB's error codes (ER_DUP_ENTRY, ER_WARN_DATA_OUT_OF_RANGE, ER_DATA_TOO_LONG). */
    static final int DUPLICATE_ENTRY = 1062;
    static final int OUT_OF_RANGE = 1264;
    static final int TOO_LONG = 1406;

    /** A unique key of the schema: the request field it guards and the text saying it is taken. */
    record UniqueKey(String field, String text) {
    }

    /** Every unique key a request can collide with; the constraint names are those of the Flyway migrations. */
    static final Map<String, UniqueKey> UNIQUE_KEYS = Map.ofEntries(
            Map.entry("uk_organisation_tax_id", new UniqueKey("taxId", "duplicate.taxId")),
            Map.entry("uk_app_user_username", new UniqueKey("username", "duplicate.username.user")),
            Map.entry("uk_membership", new UniqueKey("username", "duplicate.username.membership")),
            Map.entry("uk_work_centre_ccc", new UniqueKey("ccc", "duplicate.ccc")),
            Map.entry("uk_account_code", new UniqueKey("code", "duplicate.code.account")),
            Map.entry("uk_fiscal_year_year", new UniqueKey("year", "duplicate.year")),
            Map.entry("uk_period_no", new UniqueKey("year", "duplicate.year")),
            Map.entry("uk_project_code", new UniqueKey("code", "duplicate.code.project")),
            Map.entry("uk_grant_award_code", new UniqueKey("code", "duplicate.code.grant")),
            Map.entry("uk_consortium_member", new UniqueKey("taxId", "duplicate.taxId.consortium")),
            Map.entry("uk_journal_entry_reverses", new UniqueKey(null, "duplicate.reversal")),
            Map.entry("uk_entry_numbering_version", new UniqueKey("year", "duplicate.numbering")),
            Map.entry("uk_employee_nif", new UniqueKey("nif", "duplicate.nif.employee")),
            Map.entry("uk_employee_naf", new UniqueKey("naf", "duplicate.naf.employee")),
            Map.entry("uk_payroll_run_regular", new UniqueKey("month", "duplicate.month.run")),
            Map.entry("uk_payroll_gestoria_mapping", new UniqueKey("accounts", "duplicate.concept.gestoria")),
            Map.entry("uk_payroll_item_single", new UniqueKey("kind", "duplicate.kind.item")),
            Map.entry("uk_payroll_employee_user", new UniqueKey("username", "duplicate.username.employee")),
            Map.entry("uk_tender_entry", new UniqueKey("feed", "duplicate.entry.tender")),
            Map.entry("uk_tender_watch_name", new UniqueKey("name", "duplicate.name.watch")),
            Map.entry("uk_bid_consortium", new UniqueKey("tenderId", "duplicate.consortium.bid")));

    /** MariaDB: "Duplicate entry '…' for key 'uk_…'" (MySQL 8 prefixes the table: 'table.uk_…'). */
    private static final Pattern KEY = Pattern.compile("for key '(?:[^'.]*\\.)?([^'.]+)'");
    /** "Out of range value for column 'amount' at row 1", "Data too long for column 'file_name' at row 1". */
    private static final Pattern COLUMN = Pattern.compile("for column [`']?(?:[^`'.]*\\.)?([^`'.]+)[`']?");

    private DatabaseRefusals() {
    }

    /**
     * The problem for a database refusal among the failure's causes, or null when there is none. A transient failure
     * ({@link DatabaseFailure}: the request's transaction chosen as a deadlock's victim, a lock waited for too long,
     * the connection lost) is a 503: the transaction was rolled back, and the same request sent again may pass (DESIGN
     * rule 3: the retry happens outside the transaction, here by the caller).
     */
    public static Problem problemFor(Throwable failure, Locale language) {
        DatabaseFailure transientFailure = DatabaseFailure.of(failure);
        if (transientFailure.retry) {
            LOG.log(Level.WARNING,
                    "A request's transaction failed transiently (" + transientFailure + "); answered 503", failure);
            return Problem.of(503, ApiTexts.format(language, "title.503"), ApiTexts.format(language,
                    transientFailure == DatabaseFailure.LOST ? "database.unavailable" : "database.busy"), null);
        }
        SQLException refusal = find(failure);
        if (refusal == null) {
            return null;
        }
        String message = refusal.getMessage() == null ? "" : refusal.getMessage();
        if (refusal.getErrorCode() == DUPLICATE_ENTRY) {
            UniqueKey key = UNIQUE_KEYS.get(last(KEY, message));
            String text = ApiTexts.format(language, key == null ? "database.duplicate" : key.text());
            return Problem.of(409, ApiTexts.format(language, "title.409"), text, key == null ? null : key.field());
        }
        String field = camelCase(last(COLUMN, message));
        String text = ApiTexts.format(language,
                refusal.getErrorCode() == OUT_OF_RANGE ? "database.range" : "database.tooLong", field);
        return Problem.of(400, ApiTexts.format(language, "title.400"), text, field);
    }

    private static SQLException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            for (SQLException e = t instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
                int code = e.getErrorCode();
                if (code == DUPLICATE_ENTRY || code == OUT_OF_RANGE || code == TOO_LONG) {
                    return e;
                }
            }
        }
        return null;
    }

    /** The next cause of a failure, through EclipseLink's internal exception; null at the last. */
    static Throwable next(Throwable t) {
        Throwable next = t instanceof EclipseLinkException eclipseLink && eclipseLink.getInternalException() != null
                ? eclipseLink.getInternalException()
                : t.getCause();
        return next == t ? null : next;
    }

    private static String last(Pattern pattern, String message) {
        String found = null;
        Matcher matcher = pattern.matcher(message);
        while (matcher.find()) {
            found = matcher.group(1);
        }
        return found;
    }

    /** {@code file_name} → {@code fileName}: the API names fields as the JSON does. */
    static String camelCase(String column) {
        if (column == null) {
            return null;
        }
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }
}
