package coop.intercoop.hub.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;

/**
 * The hub's database: one MariaDB, embedded or external, configured with {@code hub.db.*} (environment
 * {@code HUB_DB_URL}, {@code HUB_DB_USER}, {@code HUB_DB_PASSWORD}). A pooled connection is checked with
 * {@code Connection.isValid} (a round trip to the server) before it is handed out, and one that fails empties the pool,
 * so the hub recovers by itself when the database restarts. At start the schema is migrated with Flyway before anything
 * else touches it, then {@link SchemaReady} is fired so components can seed what they need.
 */
@DataSourceDefinition(name = Database.JNDI, className = "org.mariadb.jdbc.MariaDbDataSource", //
        url = "${MPCONFIG=hub.db.url}", user = "${MPCONFIG=hub.db.user}", password = "${MPCONFIG=hub.db.password}", //
        minPoolSize = 2, maxPoolSize = 40, //
        properties = { "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true" })
@ApplicationScoped
public class Database {

    public static final String JNDI = "java:app/jdbc/hub";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI)
    DataSource dataSource;

    @Inject
    Event<SchemaReady> schemaReady;

    /** Fired once the schema is at the latest migration. */
    public record SchemaReady() {
    }

    void migrate(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        var result = Flyway.configure(Database.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration").load().migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
        warnAboutServerSettings();
        schemaReady.fire(new SchemaReady());
    }

    /**
     * The embedded database runs with InnoDB's adaptive hash index on; an external server is configured by its
     * administrator, and MariaDB has shipped the index off since 10.5. Without it, every foreign-key check of a posted
     * line and entry descends a B-tree, and the benchmark's journal import takes about 40 % longer (README,
     * Performance).
     */
    private void warnAboutServerSettings() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT @@GLOBAL.innodb_adaptive_hash_index")) {
            if (r.next() && !r.getBoolean(1)) {
                LOG.warning("The database server runs with innodb_adaptive_hash_index=OFF: posting and imports take "
                        + "about 40 % longer. Set innodb_adaptive_hash_index=ON in the server's configuration.");
            }
        } catch (SQLException e) {
            LOG.warning("Could not read the database server's settings: " + e.getMessage());
        }
    }
}
