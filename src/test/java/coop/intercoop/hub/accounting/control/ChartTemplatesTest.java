package coop.intercoop.hub.accounting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import coop.intercoop.hub.accounting.control.ChartTemplates.InvalidChartFileException;
import coop.intercoop.hub.accounting.control.ChartTemplates.Line;
import coop.intercoop.hub.accounting.control.ChartTemplates.UnknownChartTemplateException;
import coop.intercoop.hub.accounting.entity.AccountKind;
import coop.intercoop.hub.accounting.entity.Nature;

/** Reads the real templates of {@code config/charts} (the working directory is the project under Maven). */
class ChartTemplatesTest {

    private final ChartTemplates templates = new ChartTemplates("config/charts");

    @Test
    void theFourTemplatesAreListed() {
        assertEquals(List.of("pgc-cooperativas", "pgc-esfl", "pgc-pymes-2007", "pgc-pymesfl"), templates.names());
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl", "pgc-pymes-2007" })
    void everyAccountComesAfterTheAccountItExtends(String template) {
        List<Line> lines = templates.read(template);
        assertTrue(lines.size() >= 300, template + " has " + lines.size() + " accounts");
        Set<String> seen = new HashSet<>();
        for (Line line : lines) {
            if (line.code().length() == 1) {
                assertNull(line.parentCode());
            } else {
                assertTrue(seen.contains(line.parentCode()), line.code() + " before its parent " + line.parentCode());
                assertTrue(line.code().startsWith(line.parentCode()));
            }
            seen.add(line.code());
        }
    }

    @Test
    void theNonProfitPlanIsReadWithItsNatureKindAndParent() {
        Map<String, Line> esfl = templates.read("pgc-esfl").stream()
                .collect(Collectors.toMap(Line::code, Function.identity()));
        Line foundational = esfl.get("100");
        assertEquals("Dotación fundacional", foundational.name());
        assertEquals(1, foundational.group());
        assertEquals(Nature.EQUITY, foundational.nature());
        assertEquals(AccountKind.POSTING, foundational.kind());
        assertEquals("10", foundational.parentCode());
        assertEquals(AccountKind.HEADING, esfl.get("1").kind());
        assertEquals(Nature.INCOME, esfl.get("720").nature());
    }

    @Test
    void theNonProfitPlansGroupEightAndNineAccountsAreReadUnderTheirSubgroups() {
        Map<String, Line> esfl = templates.read("pgc-esfl").stream()
                .collect(Collectors.toMap(Line::code, Function.identity()));
        Line hedgeTransfer = esfl.get("912");
        assertEquals(9, hedgeTransfer.group());
        assertEquals(Nature.INCOME, hedgeTransfer.nature());
        assertEquals(AccountKind.POSTING, hedgeTransfer.kind());
        assertEquals("91", hedgeTransfer.parentCode());
        assertEquals("8", esfl.get("85").parentCode());
        assertEquals(Nature.EXPENSE, esfl.get("850").nature());
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-normal", "../charts/pgc-esfl", "PGC-ESFL", "" })
    void anUnknownTemplateIsRefusedListingTheKnownOnes(String name) {
        UnknownChartTemplateException refused = assertThrows(UnknownChartTemplateException.class,
                () -> templates.read(name));
        assertEquals("template", refused.field());
        assertTrue(refused.getMessage().contains("pgc-cooperativas, pgc-esfl, pgc-pymes-2007, pgc-pymesfl"),
                refused.getMessage());
    }

    @Test
    void aBrokenFileIsReportedWithItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.csv"),
                "# comment\ncode;name;group;nature;kind\n1;Uno;1;EQUITY;HEADING\n" + "12;Doce;2;EQUITY;HEADING\n",
                StandardCharsets.UTF_8);
        InvalidChartFileException refused = assertThrows(InvalidChartFileException.class,
                () -> new ChartTemplates(dir.toString()).read("broken"));
        assertTrue(refused.getMessage().contains("broken.csv:4"), refused.getMessage());
    }

    @Test
    void anAccountThatExtendsNothingIsReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("orphan.csv"),
                "code;name;group;nature;kind\n1;Uno;1;EQUITY;HEADING\n20;Veinte;2;ASSET;HEADING\n",
                StandardCharsets.UTF_8);
        InvalidChartFileException refused = assertThrows(InvalidChartFileException.class,
                () -> new ChartTemplates(dir.toString()).read("orphan"));
        assertTrue(refused.getMessage().contains("orphan.csv:3"), refused.getMessage());
    }
}
