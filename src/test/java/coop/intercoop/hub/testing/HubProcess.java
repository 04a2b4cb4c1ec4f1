package coop.intercoop.hub.testing;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A hub node the test starts and stops itself, outside Arquillian: Payara Micro ({@code payara.microJar}) running the
 * built WAR on a free port against the run's test database ({@code payara.cmdOptions}, set by {@link TestDatabase}),
 * with its output in {@code hub.log} of its directory. For tests that kill a node, which the container Arquillian
 * manages must not suffer.
 */
public final class HubProcess implements AutoCloseable {

    private final Process process;
    private final URL base;

    private HubProcess(Process process, URL base) {
        this.process = process;
        this.base = base;
    }

    /** Starts a node in {@code directory} with extra JVM options and waits until it answers. */
    public static HubProcess start(Path directory, String... jvmOptions) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        TestDatabase.url(); // the run's database must be up
        command.addAll(Arrays.stream(System.getProperty("payara.cmdOptions", "").strip().split("\\s+"))
                .filter(option -> !option.isEmpty()).toList());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", required("payara.microJar"), "--deploy",
                new File(System.getProperty("hub.test.war", "target/intercoop-hub.war")).getAbsolutePath(),
                "--contextroot", "/", "--port", String.valueOf(port), "--nocluster", "--rootdir",
                directory.resolve("payara").toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("hub.log").toFile()).start();
        HubProcess hub = new HubProcess(process, URI.create("http://127.0.0.1:" + port + "/").toURL());
        hub.awaitReady(directory.resolve("hub.log"));
        return hub;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("No " + property + ": run the integration tests through 'mvn verify'");
        }
        return value;
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The hub node stopped while starting; see " + log);
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) base.toURI().resolve("login.xhtml").toURL()
                        .openConnection();
                connection.setConnectTimeout(2_000);
                connection.setReadTimeout(10_000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException | java.net.URISyntaxException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The hub node did not answer within 5 minutes; see " + log);
    }

    /** The node's address, such as {@code http://127.0.0.1:40123/}. */
    public URL base() {
        return base;
    }

    /** Kills the node at once (SIGKILL): no shutdown hook, no transaction ends cleanly. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The hub node did not die");
        }
    }

    /** Stops the node, killing it if it does not stop within a minute. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
