package coop.intercoop.hub;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * {@code java -jar intercoop-hub.jar}: puts every jar of {@code lib/} beside it on the system class path, then runs
 * {@link HubStarter}.
 * <p>
 * Payara Micro must be loaded by the system class loader (it builds its runtime class loaders on top of it), and a
 * manifest {@code Class-Path} would have to list each jar by name. The JDK's {@code Launcher-Agent-Class} hook runs
 * {@link #agentmain} before {@link #main}, and appends the folder's jars to the system class path instead.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void agentmain(String arguments, Instrumentation instrumentation)
            throws IOException, URISyntaxException {
        Path jar = Paths.get(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Path lib : jarsIn(jar.resolveSibling("lib"))) {
            instrumentation.appendToSystemClassLoaderSearch(new JarFile(lib.toFile()));
        }
    }

    public static void main(String[] args) throws Exception {
        HubStarter.main(args);
    }

    private static List<Path> jarsIn(Path lib) throws IOException {
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("The lib folder is missing beside the launcher: " + lib);
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
