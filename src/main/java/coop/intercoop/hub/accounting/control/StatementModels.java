package coop.intercoop.hub.accounting.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.accounting.entity.Statement;

/**
 * The financial statement models: one {@code <name>.csv} file per statement in {@code hub.statements.dir} (format in
 * {@link Statement}), read when a statement is drawn up, so an installation can correct a caption or an account
 * grouping without a new release.
 */
@Dependent
public class StatementModels {

    /** The balance sheet of the abbreviated ESFL model (Real Decreto 1491/2011). */
    public static final String BALANCE_SHEET = "pymesfl-balance";
    /** The results account of the abbreviated ESFL model (Real Decreto 1491/2011). */
    public static final String RESULTS = "pymesfl-results";

    private final Path dir;

    @Inject
    public StatementModels(
            @ConfigProperty(name = "hub.statements.dir", defaultValue = "config/statements") String dir) {
        this.dir = Path.of(dir);
    }

    /**
     * @throws Statement.InvalidStatementFileException
     *             if the file breaks the format, naming the line
     */
    public Statement read(String name) {
        Path file = dir.resolve(name + ".csv");
        try {
            return Statement.parse(name, file.getFileName().toString(),
                    Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the statement model " + file.toAbsolutePath(), e);
        }
    }
}
