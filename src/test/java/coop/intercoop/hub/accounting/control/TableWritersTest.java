package coop.intercoop.hub.accounting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 6, read from the sources' SQL (their string literals): accounting and the import pipeline read work
 * centres and users through tenancy's and security's controls, never their tables (DESIGN rule 4); and each of the
 * accounting tables that both JPA and SQL once wrote has one writer: {@code fiscal_year} JPA ({@link FiscalYears}),
 * {@code account} SQL in {@link Accounts}.
 */
class TableWritersTest {

    private static final Path SOURCES = Path.of("src/main/java/coop/intercoop/hub");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void accountingAndTheImportsReadNoTableOfTenancyOrSecurity() {
        Pattern foreign = Pattern.compile("\\b(work_centre|app_user|membership)\\b");
        List<String> found = new ArrayList<>();
        for (String component : List.of("accounting", "spreadsheet")) {
            literals(SOURCES.resolve(component)).forEach(l -> {
                if (foreign.matcher(l.text()).find()) {
                    found.add(l.toString());
                }
            });
        }
        assertEquals(List.of(), found);
    }

    @Test
    void fiscalYearsAreWrittenThroughJpaOnly() {
        assertEquals(List.of(), writers("fiscal_year"));
    }

    @Test
    void accountsAreWrittenInSqlByTheChartAlone() {
        List<String> writers = writers("account");
        assertTrue(!writers.isEmpty() && writers.stream().allMatch(w -> w.startsWith("Accounts.java:")),
                writers.toString());
    }

    /** The literals that insert, update or delete rows of the table, as {@code File.java: literal}. */
    private static List<String> writers(String table) {
        Pattern write = Pattern.compile("\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+" + table + "\\b",
                Pattern.CASE_INSENSITIVE);
        return literals(SOURCES).filter(l -> write.matcher(l.text()).find()).map(Literal::toString).toList();
    }

    private record Literal(Path file, String text) {
        @Override
        public String toString() {
            return file.getFileName() + ": " + text;
        }
    }

    private static Stream<Literal> literals(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Literal> all = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher string = STRING.matcher(Files.readString(file));
                while (string.find()) {
                    all.add(new Literal(file, string.group(1)));
                }
            }
            return all.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
