package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigCsvTest {

    private static final String HEADER = "code;name";

    private static List<ConfigCsv.Row> rows(String... lines) {
        return ConfigCsv.rows("test.csv", List.of(lines), HEADER,
                (place, problem) -> new IllegalStateException(place + ": " + problem));
    }

    @Test
    void skipsCommentsAndBlankLinesAndKeepsEachRowsLineNumber() {
        List<ConfigCsv.Row> rows = rows("# a comment", "", "code;name ", "1;uno", "   ", "# another", "2;dos;tres");
        assertEquals(List.of(new ConfigCsv.Row("test.csv:4", "1;uno"), new ConfigCsv.Row("test.csv:7", "2;dos;tres")),
                rows);
    }

    @Test
    void refusesAFirstLineThatIsNotTheHeaderNamingIt() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> rows("# c", "1;uno"));
        assertEquals("test.csv:2: the header must be code;name", refused.getMessage());
    }

    @Test
    void refusesAFileWithoutHeader() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> rows("# only", ""));
        assertEquals("test.csv: has no header line code;name", refused.getMessage());
    }
}
