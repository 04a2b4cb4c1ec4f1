package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the chart-of-accounts templates in {@code config/charts/} (read relative to the working directory, the project
 * root under Maven): shape of every line, code hierarchy, allowed natures and kinds, and the accounts the non-profit
 * plan must have.
 */
class ChartFilesTest {

    private static final Path CHARTS = Path.of("config", "charts");
    private static final String HEADER = "code;name;group;nature;kind";
    private static final Set<String> NATURES = Set.of("ASSET", "LIABILITY", "EQUITY", "INCOME", "EXPENSE");
    private static final Set<String> KINDS = Set.of("HEADING", "POSTING");

    private record Account(String code, String name, String group, String nature, String kind, int line) {
    }

    /** Reads a chart: skips '#' comment lines, checks the header and that every line has five fields. */
    private static Map<String, Account> read(String file) throws IOException {
        Path path = CHARTS.resolve(file);
        assertTrue(Files.isRegularFile(path), () -> "missing " + path.toAbsolutePath());
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        Map<String, Account> accounts = new LinkedHashMap<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.startsWith("#")) {
                continue;
            }
            if (!header) {
                assertEquals(HEADER, line, file + ":" + number + " header");
                header = true;
                continue;
            }
            String[] fields = line.split(";", -1);
            assertEquals(5, fields.length, () -> file + ":" + number + " needs 5 fields: " + line);
            Account account = new Account(fields[0], fields[1], fields[2], fields[3], fields[4], number);
            if (accounts.put(account.code(), account) != null) {
                fail(file + ":" + number + " duplicate code " + account.code());
            }
        }
        assertTrue(header, file + " has no header line");
        return accounts;
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv", "pgc-pymes-2007.csv", "pgc-cooperativas.csv" })
    void everyLineIsWellFormed(String file) throws IOException {
        Map<String, Account> accounts = read(file);
        assertFalse(accounts.isEmpty(), file + " is empty");
        for (Account a : accounts.values()) {
            String where = file + ":" + a.line() + " (" + a.code() + ")";
            assertTrue(a.code().matches("[0-9]+"), where + " code must be digits");
            assertFalse(a.name().isBlank(), where + " name is blank");
            assertEquals(a.name().strip(), a.name(), where + " name has surrounding spaces");
            assertEquals(a.code().substring(0, 1), a.group(), where + " group must be the first digit");
            assertTrue(a.group().matches("[1-9]"), where + " group must be 1-9");
            assertTrue(NATURES.contains(a.nature()), where + " unknown nature " + a.nature());
            assertTrue(KINDS.contains(a.kind()), where + " unknown kind " + a.kind());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv", "pgc-pymes-2007.csv", "pgc-cooperativas.csv" })
    void everyAccountHangsFromAHeading(String file) throws IOException {
        Map<String, Account> accounts = read(file);
        for (Account a : accounts.values()) {
            String where = file + ":" + a.line() + " (" + a.code() + ")";
            if (a.code().length() <= 2) {
                assertEquals("HEADING", a.kind(), where + " groups and subgroups are headings");
            }
            if (a.code().length() == 1) {
                continue;
            }
            Account parent = null;
            for (int end = a.code().length() - 1; end >= 1 && parent == null; end--) {
                parent = accounts.get(a.code().substring(0, end));
            }
            assertTrue(parent != null, where + " has no parent in the file");
            assertEquals("HEADING", parent.kind(), where + " parent " + parent.code() + " must be a heading");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv", "pgc-pymes-2007.csv", "pgc-cooperativas.csv" })
    void headingsHaveChildrenAndPostingsHaveNone(String file) throws IOException {
        Map<String, Account> accounts = read(file);
        for (Account a : accounts.values()) {
            boolean hasChild = accounts.keySet().stream()
                    .anyMatch(c -> c.length() > a.code().length() && c.startsWith(a.code()));
            String where = file + ":" + a.line() + " (" + a.code() + ")";
            if ("POSTING".equals(a.kind())) {
                assertFalse(hasChild, where + " is a posting account but has sub-accounts");
            } else if (a.code().length() > 2) {
                assertTrue(hasChild, where + " is a heading without sub-accounts");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv", "pgc-pymes-2007.csv", "pgc-cooperativas.csv" })
    void allNineGroupsArePresent(String file) throws IOException {
        Map<String, Account> accounts = read(file);
        for (int g = 1; g <= 9; g++) {
            assertTrue(accounts.containsKey(String.valueOf(g)), file + " lacks group " + g);
        }
    }

    @Test
    void nonProfitPlanHasItsOwnAccounts() throws IOException {
        Map<String, Account> esfl = read("pgc-esfl.csv");
        for (String code : List.of("100", "101", "129", "130", "131", "132", "2400", "412", "447", "448", "464", "650",
                "651", "653", "654", "656", "658", "720", "721", "722", "723", "725", "726", "728")) {
            assertTrue(esfl.containsKey(code), "pgc-esfl.csv lacks " + code);
        }
        assertEquals("EQUITY", esfl.get("100").nature());
        assertEquals("EQUITY", esfl.get("129").nature());
        assertEquals("LIABILITY", esfl.get("412").nature());
        assertEquals("ASSET", esfl.get("447").nature());
        assertEquals("EXPENSE", esfl.get("650").nature());
        assertEquals("INCOME", esfl.get("720").nature());
    }

    @Test
    void smallNonProfitPlanHasItsOwnAccounts() throws IOException {
        Map<String, Account> pymesfl = read("pgc-pymesfl.csv");
        for (String code : List.of("100", "101", "129", "412", "447", "448", "650", "653", "654", "720", "721")) {
            assertTrue(pymesfl.containsKey(code), "pgc-pymesfl.csv lacks " + code);
        }
    }

    @Test
    void natureFollowsTheGroups() throws IOException {
        for (String file : List.of("pgc-esfl.csv", "pgc-pymesfl.csv", "pgc-pymes-2007.csv", "pgc-cooperativas.csv")) {
            for (Account a : read(file).values()) {
                String where = file + " " + a.code();
                switch (a.group()) {
                    case "2", "3" -> assertEquals("ASSET", a.nature(), where);
                    case "6", "8" -> assertEquals("EXPENSE", a.nature(), where);
                    case "7", "9" -> assertEquals("INCOME", a.nature(), where);
                    case "1" ->
                            assertEquals(a.code().length() >= 2 && a.code().charAt(1) >= '4' ? "LIABILITY" : "EQUITY",
                                    a.nature(), where);
                    default -> {
                    }
                }
            }
        }
    }

    @Test
    void countsArePlausible() throws IOException {
        assertTrue(read("pgc-esfl.csv").size() >= 300, "ESFL should have several hundred accounts");
        assertTrue(read("pgc-pymes-2007.csv").size() >= 300, "PYMES should have several hundred accounts");
        assertTrue(read("pgc-pymesfl.csv").size() >= 300, "PYMESFL should have several hundred accounts");
    }

    @Test
    void theCooperativesChartIsThePymesChartWithTheCooperativesItems() throws IOException {
        Map<String, Account> pymes = read("pgc-pymes-2007.csv");
        Map<String, Account> cooperatives = read("pgc-cooperativas.csv");
        assertTrue(cooperatives.keySet().containsAll(pymes.keySet()));
        assertEquals("LIABILITY", cooperatives.get("1429").nature());
        assertEquals("POSTING", cooperatives.get("1429").kind());
        assertEquals("Fondo de Educación, Formación y Promoción", cooperatives.get("1429").name());
        assertEquals("EXPENSE", cooperatives.get("6591").nature());
        assertEquals("HEADING", cooperatives.get("100").kind());
        assertEquals("Fondo de reserva obligatorio", cooperatives.get("1120").name());
        assertEquals("POSTING", cooperatives.get("129").kind());
    }
}
