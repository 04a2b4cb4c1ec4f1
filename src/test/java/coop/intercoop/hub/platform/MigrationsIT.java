package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

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
                    "login_throttle", "audit_event")), tables.toString());
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

    private static long generated(java.sql.Statement s) throws SQLException {
        try (var keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
