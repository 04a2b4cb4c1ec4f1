package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLDataException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;

class DatabaseRefusalsTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    /**
     * A duplicate as it reaches the API at commit: the transaction's wrapping around EclipseLink's around MariaDB's.
     */
    private static Throwable atCommit(java.sql.SQLException refusal) {
        RollbackException rollback = new RollbackException("rolled back");
        rollback.initCause(new PersistenceException("Exception [EclipseLink-4002]", refusal));
        return new TransactionalException("commit failed", rollback);
    }

    private static SQLIntegrityConstraintViolationException duplicate(String key) {
        return new SQLIntegrityConstraintViolationException("(conn=42) Duplicate entry '7-2060' for key '" + key + "'",
                "23000", 1062);
    }

    @Test
    void aDuplicateFiscalYearAtCommitIs409NamingTheYear() {
        Problem problem = Problems.problemFor(atCommit(duplicate("uk_fiscal_year_year")), Locale.ENGLISH);
        assertEquals(409, problem.status());
        assertEquals("year", problem.field());
        assertEquals("This organisation already has this fiscal year.", problem.detail());
    }

    @Test
    void aDuplicateIsNamedInTheCallersLanguage() {
        Problem problem = Problems.problemFor(atCommit(duplicate("uk_account_code")), SPANISH);
        assertEquals(409, problem.status());
        assertEquals("code", problem.field());
        assertEquals("Conflicto", problem.title());
        assertEquals("Esta cuenta ya existe en el plan de cuentas de esta organización.", problem.detail());
    }

    @Test
    void aDuplicateFlushedInsideTheUseCaseIsMappedTheSameWay() {
        Problem problem = Problems.problemFor(new PersistenceException(duplicate("uk_app_user_username")),
                Locale.ENGLISH);
        assertEquals(409, problem.status());
        assertEquals("username", problem.field());
    }

    @Test
    void aTableQualifiedKeyNameIsRecognised() {
        assertEquals("taxId",
                Problems.problemFor(duplicate("organisation.uk_organisation_tax_id"), Locale.ENGLISH).field());
    }

    @Test
    void anUnlistedKeyIsStillA409WithoutLeakingTheValue() {
        Problem problem = Problems.problemFor(atCommit(duplicate("PRIMARY")), Locale.ENGLISH);
        assertEquals(409, problem.status());
        assertNull(problem.field());
        assertFalse(problem.detail().contains("7-2060"), problem.detail());
    }

    @Test
    void anAmountOutOfItsColumnsRangeIs400NamingTheField() {
        Problem problem = Problems.problemFor(
                atCommit(new SQLDataException("Out of range value for column 'amount' at row 1", "22003", 1264)),
                Locale.ENGLISH);
        assertEquals(400, problem.status());
        assertEquals("amount", problem.field());
        assertEquals("The value of 'amount' is out of range.", problem.detail());
    }

    @Test
    void aTextLongerThanItsColumnIs400NamingTheFieldAsTheJsonDoes() {
        Problem problem = Problems.problemFor(new PersistenceException(
                new SQLDataException("Data too long for column 'file_name' at row 1", "22001", 1406)), SPANISH);
        assertEquals(400, problem.status());
        assertEquals("fileName", problem.field());
        assertEquals("El valor de 'fileName' es demasiado largo.", problem.detail());
    }

    @Test
    void aDeadlocksVictimIs503AskingToSendTheRequestAgain() {
        Problem problem = Problems.problemFor(
                atCommit(new java.sql.SQLTransactionRollbackException(
                        "(conn=7) Deadlock found when trying to get lock; try restarting transaction", "40001", 1213)),
                SPANISH);
        assertEquals(503, problem.status());
        assertEquals("Vuelva a intentarlo", problem.title());
        assertEquals("Se estaba haciendo otro cambio de los mismos registros en ese momento; no se ha cambiado nada. "
                + "Envíe la petición de nuevo.", problem.detail());
    }

    @Test
    void aLockWaitTimeoutIs503Too() {
        Problem problem = Problems.problemFor(new PersistenceException(
                new java.sql.SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205)),
                Locale.ENGLISH);
        assertEquals(503, problem.status());
        assertFalse(problem.detail().contains("Lock wait"), problem.detail());
    }

    @Test
    void aLostDatabaseIs503SayingTheRequestWasNotCompleted() {
        Problem problem = Problems.problemFor(
                new PersistenceException(new java.sql.SQLNonTransientConnectionException("socket closed", "08000")),
                Locale.ENGLISH);
        assertEquals(503, problem.status());
        assertEquals("The database did not answer and the request was not completed. Send it again in a moment.",
                problem.detail());
    }

    @Test
    void anyOtherDatabaseFailureStaysAnInternalErrorWithoutItsMessage() {
        Problem problem = Problems.problemFor(
                new PersistenceException(new java.sql.SQLException("Table 'x' doesn't exist", "42S02", 1146)),
                Locale.ENGLISH);
        assertEquals(500, problem.status());
        assertFalse(problem.detail().contains("Table"), problem.detail());
    }

    /** A new unique key a request can collide with must say which field it guards. */
    @Test
    void everyUniqueKeyOfTheSchemaIsMappedOrOnlyGuardsTheHubsOwnValues() throws IOException {
        // uk_membership_invitation: invitations are upserted in one statement, so no request collides on it
        Set<String> internal = Set.of("uk_journal_entry_no", "uk_journal_entry_chain", "uk_api_token_hash",
                "uk_membership_invitation");
        Pattern unique = Pattern.compile("CONSTRAINT (uk_\\w+) UNIQUE \\(([^)]*)\\)");
        Set<String> unmapped = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations.forEach(file -> {
                try {
                    Matcher m = unique.matcher(Files.readString(file));
                    while (m.find()) {
                        boolean foreignKeyTarget = m.group(2).replace(" ", "").equals("org_id,id");
                        if (!foreignKeyTarget && !internal.contains(m.group(1))
                                && !DatabaseRefusals.UNIQUE_KEYS.containsKey(m.group(1))) {
                            unmapped.add(m.group(1));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertTrue(unmapped.isEmpty(), "unique keys without a field: " + unmapped);
    }
}
