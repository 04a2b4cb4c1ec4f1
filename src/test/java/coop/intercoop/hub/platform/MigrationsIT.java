package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import coop.intercoop.hub.testing.TestDatabase;

/** The migrations build the schema from an empty database, and the schema keeps tenants apart by itself. */
class MigrationsIT {

    private static final String DATABASE = "hub_migrations_it";

    private static Flyway flyway() {
        return Flyway.configure().dataSource(TestDatabase.urlOf(DATABASE), TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").cleanDisabled(false).load();
    }

    @Test
    void migrationsCreateTheSchemaFromAnEmptyDatabaseAndRerunAsNoOp() throws SQLException {
        try (Connection c = TestDatabase.connectTo(DATABASE)) {
            flyway().clean();
            var first = flyway().migrate();
            assertTrue(first.migrationsExecuted >= 1, "migrations ran");
            assertEquals(0, flyway().migrate().migrationsExecuted, "a second start applies nothing");
            flyway().validate();
            Set<String> tables = new HashSet<>();
            try (var rs = c.getMetaData().getTables(DATABASE, null, "%", new String[] { "TABLE" })) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertTrue(tables.containsAll(Set.of("organisation", "work_centre", "app_user", "membership", "api_token",
                    "login_throttle", "audit_event", "chart_of_accounts", "account", "fiscal_year", "period",
                    "lock_dates", "consortium", "consortium_member")), tables.toString());
        }
    }

    @Test
    void theImportJobsOfThePreviousSchemaBecomeJobsOfTheRunnerWithTheirIds() throws SQLException, IOException {
        try (Connection c = TestDatabase.connectTo(DATABASE)) {
            flyway().clean();
            // the schema before the runner's own table (V13): every migration before it
            Flyway.configure().dataSource(TestDatabase.urlOf(DATABASE), TestDatabase.user(), TestDatabase.password())
                    .locations("classpath:db/migration").target(String.valueOf(versionBefore(13))).load().migrate();
            long org;
            long user;
            try (var s = c.createStatement()) {
                s.executeUpdate(
                        "INSERT INTO organisation (tax_id, name, type) VALUES ('G00000201', 'A', 'ASSOCIATION')",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                org = generated(s);
                s.executeUpdate("INSERT INTO app_user (username, full_name, password_hash) VALUES ('j', 'J', 'x')",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                user = generated(s);
                String columns = "INSERT INTO import_job (id, org_id, kind, mode, status, file_name, file_bytes, "
                        + "content_hash, language, created_by, created_at, started_at, finished_at, claimed_by, "
                        + "heartbeat_at, attempts, rows_expected, rows_read, rows_validated, rows_written, rows_skipped, "
                        + "error_count, warning_count, outcome) VALUES ";
                String hash = "'" + "a".repeat(64) + "'";
                s.executeUpdate(columns + "(41, " + org + ", 'journal-entries', 'ALL_OR_NOTHING', 'SUCCEEDED', "
                        + "'a.xlsx', 10, " + hash + ", 'es', " + user + ", '2026-01-02 10:00:00', "
                        + "'2026-01-02 10:00:01', '2026-01-02 10:00:09', NULL, NULL, 1, 400, 400, 400, 400, 0, 0, 1, "
                        + "'400 filas escritas')");
                s.executeUpdate(columns + "(42, " + org + ", 'chart-subaccounts', 'VALIDATE', 'RUNNING', 'b.xlsx', "
                        + "20, " + hash + ", 'en', " + user + ", '2026-01-03 10:00:00', '2026-01-03 10:00:01', NULL, "
                        + "'node-a', '2026-01-03 10:00:05', 2, NULL, 30, 29, 0, 0, 0, 0, NULL)");
                s.executeUpdate("INSERT INTO import_problem (org_id, job_id, severity, row_no, message) VALUES (" + org
                        + ", 42, 'ERROR', 3, 'x')");
            }
            flyway().migrate();
            try (var s = c.createStatement();
                    var r = s.executeQuery("SELECT j.id, j.org_id, j.kind, j.status, j.created_by, j.created_at, "
                            + "j.claimed_by, j.heartbeat_at, j.attempts, j.progress_total, j.progress_done, i.kind, "
                            + "i.rows_read, i.rows_written, i.outcome FROM job j JOIN import_job i ON i.id = j.id "
                            + "ORDER BY j.id")) {
                List<String> jobs = new ArrayList<>();
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= 15; i++) {
                        row.add(r.getObject(i));
                    }
                    jobs.add(row.toString());
                }
                assertEquals(List.of(
                        "[41, " + org + ", import, SUCCEEDED, " + user + ", 2026-01-02 10:00:00.0, null, null, 1, 400, "
                                + "400, journal-entries, 400, 400, 400 filas escritas]",
                        "[42, " + org + ", import, RUNNING, " + user + ", 2026-01-03 10:00:00.0, node-a, "
                                + "2026-01-03 10:00:05.0, 2, null, 29, chart-subaccounts, 30, 0, null]"),
                        jobs);
                // a job of any kind takes the next id, and the import's row follows it
                s.executeUpdate(
                        "INSERT INTO job (org_id, kind, status, created_by, created_at) VALUES (" + org
                                + ", 'import', 'QUEUED', " + user + ", '2026-01-04 10:00:00')",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                assertEquals(43, generated(s));
                SQLException orphan = assertThrows(SQLException.class,
                        () -> s.executeUpdate("INSERT INTO import_job (id, org_id, kind, mode, file_name, file_bytes, "
                                + "content_hash, language) VALUES (44, " + org + ", 'journal-entries', 'VALIDATE', "
                                + "'c.xlsx', 1, 'b', 'es')"));
                assertTrue(orphan.getMessage().contains("fk_import_job_job"), orphan.getMessage());
            }
            flyway().clean();
        }
    }

    @Test
    void theEmbeddedDatabaseRunsWithTheAdaptiveHashIndex() throws SQLException {
        assumeTrue(TestDatabase.isEmbedded(), "the tests run against an external MariaDB, configured by its owner");
        try (Connection c = TestDatabase.connect();
                var s = c.createStatement();
                var r = s.executeQuery("SELECT @@GLOBAL.innodb_adaptive_hash_index")) {
            assertTrue(r.next() && r.getBoolean(1), "innodb_adaptive_hash_index is on");
        }
    }

    @Test
    void aRowOfOneOrganisationCannotPointAtAWorkCentreOfAnother() throws SQLException {
        try (Connection c = TestDatabase.connectTo(DATABASE)) {
            flyway().migrate();
            try (var s = c.createStatement()) {
                s.executeUpdate(
                        "INSERT INTO organisation (tax_id, name, type) VALUES ('G00000001', 'A', 'ASSOCIATION')",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                long a = generated(s);
                s.executeUpdate(
                        "INSERT INTO organisation (tax_id, name, type) VALUES ('G00000002', 'B', 'ASSOCIATION')",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                long b = generated(s);
                s.executeUpdate(
                        "INSERT INTO work_centre (org_id, name, address, postal_code, municipality, ccc) " + "VALUES ("
                                + b + ", 'B centre', 'x', '28001', 'Madrid', '28123456742')",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                long centreOfB = generated(s);
                s.executeUpdate("INSERT INTO app_user (username, full_name, password_hash) VALUES ('u', 'U', 'x')",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                long user = generated(s);
                SQLException refused = assertThrows(SQLException.class,
                        () -> s.executeUpdate("INSERT INTO membership (org_id, user_id, roles, work_centre_id) VALUES ("
                                + a + ", " + user + ", 'staff', " + centreOfB + ")"));
                assertTrue(refused.getMessage().contains("fk_membership_work_centre"), refused.getMessage());
                s.executeUpdate("INSERT INTO membership (org_id, user_id, roles, work_centre_id) VALUES (" + b + ", "
                        + user + ", 'staff', " + centreOfB + ")");
            }
            flyway().clean();
        }
    }

    @Test
    void accountingRowsOfOneOrganisationCannotPointAtAnothersAccountsOrFiscalYears() throws SQLException {
        try (Connection c = TestDatabase.connectTo(DATABASE)) {
            flyway().migrate();
            try (var s = c.createStatement()) {
                s.executeUpdate(
                        "INSERT INTO organisation (tax_id, name, type) VALUES ('G00000101', 'A', 'ASSOCIATION')",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                long a = generated(s);
                s.executeUpdate(
                        "INSERT INTO organisation (tax_id, name, type) VALUES ('G00000102', 'B', 'ASSOCIATION')",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                long b = generated(s);
                s.executeUpdate(
                        "INSERT INTO account (org_id, code, name, grp, nature, kind, parent_code, from_template)"
                                + " VALUES (" + b + ", '5', 'Cuentas financieras', 5, 'ASSET', 'HEADING', NULL, TRUE)");
                SQLException parentOfB = assertThrows(SQLException.class, () -> s.executeUpdate(
                        "INSERT INTO account (org_id, code, name, grp, nature, kind, parent_code, from_template)"
                                + " VALUES (" + a + ", '57', 'Tesorería', 5, 'ASSET', 'HEADING', '5', TRUE)"));
                assertTrue(parentOfB.getMessage().contains("fk_account_parent"), parentOfB.getMessage());
                SQLException notExtending = assertThrows(SQLException.class, () -> s.executeUpdate(
                        "INSERT INTO account (org_id, code, name, grp, nature, kind, parent_code, from_template)"
                                + " VALUES (" + b + ", '67', 'Tesorería', 6, 'ASSET', 'HEADING', '5', TRUE)"));
                assertTrue(notExtending.getMessage().contains("ck_account_parent"), notExtending.getMessage());
                s.executeUpdate("INSERT INTO fiscal_year (org_id, year, start_date, end_date) VALUES (" + b
                        + ", 2025, '2025-01-01', '2025-12-31')", java.sql.Statement.RETURN_GENERATED_KEYS);
                long yearOfB = generated(s);
                SQLException periodOfB = assertThrows(SQLException.class,
                        () -> s.executeUpdate("INSERT INTO period (org_id, fiscal_year_id, period_no, start_date,"
                                + " end_date) VALUES (" + a + ", " + yearOfB + ", 1, '2025-01-01', '2025-01-31')"));
                assertTrue(periodOfB.getMessage().contains("fk_period_fiscal_year"), periodOfB.getMessage());
            }
            flyway().clean();
        }
    }

    @Test
    void consortiumSharesArePercentagesWithTwoDecimalsAndAnOrganisationIsInvitedOnce() throws SQLException {
        try (Connection c = TestDatabase.connectTo(DATABASE)) {
            flyway().migrate();
            try (var s = c.createStatement()) {
                s.executeUpdate(
                        "INSERT INTO organisation (tax_id, name, type) VALUES ('G00000201', 'A', 'ASSOCIATION')",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                long a = generated(s);
                s.executeUpdate(
                        "INSERT INTO organisation (tax_id, name, type) VALUES ('G00000202', 'B', 'ASSOCIATION')",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                long b = generated(s);
                s.executeUpdate("INSERT INTO app_user (username, full_name, password_hash) VALUES ('u', 'U', 'x')",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                long user = generated(s);
                s.executeUpdate("INSERT INTO consortium (name, lead_org_id, created_at, created_by) VALUES ('UTE', " + a
                        + ", NOW(6), " + user + ")", java.sql.Statement.RETURN_GENERATED_KEYS);
                long consortium = generated(s);
                String member = "INSERT INTO consortium_member (consortium_id, org_id, share, status, invited_at,"
                        + " responded_at) VALUES (" + consortium + ", ";
                s.executeUpdate(member + a + ", 60.00, 'ACCEPTED', NOW(6), NOW(6))");
                SQLException third = assertThrows(SQLException.class,
                        () -> s.executeUpdate(member + b + ", 33.333, 'INVITED', NOW(6), NULL)"));
                assertTrue(third.getMessage().contains("ck_consortium_member_share"), third.getMessage());
                SQLException over = assertThrows(SQLException.class,
                        () -> s.executeUpdate(member + b + ", 100.01, 'INVITED', NOW(6), NULL)"));
                assertTrue(over.getMessage().contains("ck_consortium_member_share"), over.getMessage());
                SQLException unanswered = assertThrows(SQLException.class,
                        () -> s.executeUpdate(member + b + ", 40.00, 'ACCEPTED', NOW(6), NULL)"));
                assertTrue(unanswered.getMessage().contains("ck_consortium_member_response"), unanswered.getMessage());
                s.executeUpdate(member + b + ", 40.00, 'INVITED', NOW(6), NULL)");
                SQLException twice = assertThrows(SQLException.class,
                        () -> s.executeUpdate(member + b + ", 10.00, 'INVITED', NOW(6), NULL)"));
                assertTrue(twice.getMessage().contains("uk_consortium_member"), twice.getMessage());
            }
            flyway().clean();
        }
    }

    /** The last migration before version {@code version}. */
    private static int versionBefore(int version) throws IOException {
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            return migrations.map(file -> file.getFileName().toString())
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).filter(v -> v < version)
                    .max(Integer::compare).orElseThrow();
        }
    }

    private static long generated(java.sql.Statement s) throws SQLException {
        try (var keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
