package coop.intercoop.hub.accounting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import coop.intercoop.hub.accounting.entity.StatementSize;
import coop.intercoop.hub.accounting.entity.Statement;
import coop.intercoop.hub.platform.HubTexts;

/**
 * The rule of the limits of the abbreviated accounts, without a database: two of three limits passed at each of the
 * last two closings, the average staff unknown; and the limits of {@code config/statements/thresholds.csv}.
 */
class AbbreviatedLimitsTest {

    /** The ESFL plan's limits of the abbreviated balance sheet (BOE-A-2013-3781, tercera parte, norma 3.ª 2 a). */
    private static final AbbreviatedLimits.Limits ESFL_BALANCE = new AbbreviatedLimits.Limits("pgc-esfl",
            StatementModels.Kind.BALANCE, new BigDecimal("2850000"), new BigDecimal("5700000"), 50, "ACTIVO",
            List.of("1", "2"));

    private static AbbreviatedLimits.Closing closing(int year, String assets, String turnover) {
        return new AbbreviatedLimits.Closing(year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                new BigDecimal(assets), new BigDecimal(turnover));
    }

    private static Optional<String> warning(Locale language, AbbreviatedLimits.Closing... closings) {
        return AbbreviatedLimits.warning(ESFL_BALANCE, List.of(closings))
                .map(t -> HubTexts.format(t.bundle(), language, t.key(), t.arguments()));
    }

    @Test
    void assetsAndTurnoverPassedAtBothClosingsIsACertainWarningNamingYearsAndFigures() {
        assertEquals(
                Optional.of("At the closes of 2024 and 2025 the books passed two of the three limits for drawing up "
                        + "the abbreviated model of the balance sheet (2024: total assets 3,000,000.00 (limit 2,850,000), "
                        + "turnover, lines 1+2 of the results account, 6,000,000.00 (limit 5,700,000); 2025: total assets "
                        + "3,100,000.00 (limit 2,850,000), turnover, lines 1+2 of the results account, 5,800,000.00 (limit "
                        + "5,700,000)): an entity that passes two of them at two consecutive closings may no longer draw up this "
                        + "abbreviated model."),
                warning(Locale.ENGLISH, closing(2024, "3000000.00", "6000000.00"),
                        closing(2025, "3100000.00", "5800000.00")));
        assertEquals(Optional.of("Al cierre de 2024 y de 2025 las cuentas superaron dos de los tres límites para "
                + "formular el modelo abreviado de balance (2024: total activo 3.000.000,00 (límite 2.850.000), cifra de "
                + "negocios, partidas 1+2 de la cuenta de resultados, 6.000.000,00 (límite 5.700.000); 2025: total "
                + "activo 3.100.000,00 (límite 2.850.000), cifra de negocios, partidas 1+2 de la cuenta de resultados, "
                + "5.800.000,00 (límite 5.700.000)): la entidad que supera dos de ellos en dos cierres consecutivos "
                + "ya no puede formular este modelo abreviado."),
                warning(HubTexts.SPANISH, closing(2024, "3000000.00", "6000000.00"),
                        closing(2025, "3100000.00", "5800000.00")));
    }

    @Test
    void limitsPassedInOneYearOnlyAreNoWarning() {
        assertEquals(Optional.empty(),
                warning(Locale.ENGLISH, closing(2024, "100.00", "100.00"), closing(2025, "3000000.00", "6000000.00")));
        assertEquals(Optional.empty(),
                warning(Locale.ENGLISH, closing(2024, "3000000.00", "6000000.00"), closing(2025, "100.00", "100.00")));
    }

    @Test
    void fewerThanTwoClosedYearsAreNoWarning() {
        assertEquals(Optional.empty(), warning(Locale.ENGLISH, closing(2025, "3000000.00", "6000000.00")));
        assertEquals(Optional.empty(), warning(Locale.ENGLISH));
    }

    /** Only the last two closings count: an earlier year that passed nothing does not hide them. */
    @Test
    void theLastTwoClosingsAreTheOnesThatCount() {
        assertTrue(warning(Locale.ENGLISH, closing(2023, "1.00", "1.00"), closing(2024, "3000000.00", "6000000.00"),
                closing(2025, "3000000.00", "6000000.00")).isPresent());
    }

    @Test
    void oneFigurePassedInAYearMakesTheWarningDependOnTheAverageStaffOfThatYear() {
        assertEquals(
                Optional.of("At the closes of 2024 and 2025 the books passed limits for drawing up the abbreviated "
                        + "model of the balance sheet (2024: total assets 3,000,000.00 (limit 2,850,000); 2025: total assets "
                        + "3,000,000.00 (limit 2,850,000), turnover, lines 1+2 of the results account, 6,000,000.00 (limit "
                        + "5,700,000)), but not two of them in each year: whether the entity may still draw up this abbreviated "
                        + "model depends on its average staff in 2024, which the books do not hold; it may not if the staff "
                        + "exceeded 50 there."),
                warning(Locale.ENGLISH, closing(2024, "3000000.00", "10.00"),
                        closing(2025, "3000000.00", "6000000.00")));
        assertEquals(Optional.of("Al cierre de 2024 y de 2025 las cuentas superaron límites para formular el modelo "
                + "abreviado de balance (2024: cifra de negocios, partidas 1+2 de la cuenta de resultados, 6.000.000,00 "
                + "(límite 5.700.000); 2025: cifra de negocios, partidas 1+2 de la cuenta de resultados, 6.000.000,00 "
                + "(límite 5.700.000)), pero no dos en cada ejercicio: que la entidad pueda seguir formulando este "
                + "modelo abreviado depende de su número medio de trabajadores en 2024 y 2025, que la contabilidad no "
                + "recoge; no puede si superó 50."),
                warning(HubTexts.SPANISH, closing(2024, "10.00", "6000000.00"), closing(2025, "10.00", "6000000.00")));
    }

    /** "Que el total de las partidas del activo no supere...": the limit itself is not passed. */
    @Test
    void figuresExactlyAtTheirLimitsDoNotPassThem() {
        assertEquals(Optional.empty(), warning(Locale.ENGLISH, closing(2024, "2850000.00", "5700000.00"),
                closing(2025, "2850000.00", "5700000.00")));
        assertTrue(warning(Locale.ENGLISH, closing(2024, "2850000.01", "5700000.01"),
                closing(2025, "2850000.01", "5700000.01")).orElseThrow()
                        .startsWith("At the closes of 2024 and 2025 " + "the books passed two of the three limits"));
    }

    private final AbbreviatedLimits installed = new AbbreviatedLimits("config/statements");
    private final StatementModels models = new StatementModels("config/statements");

    /**
     * Every plan has the limits of both statements, and the lines they name are in its abbreviated models: the total
     * assets a total of the balance model, the turnover lines lines of the results model.
     */
    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl", "pgc-pymes-2007", "pgc-cooperativas" })
    void everyPlanHasTheLimitsOfBothStatementsOnLinesOfItsAbbreviatedModels(String chart) {
        Statement balance = models.of(chart, StatementSize.ABBREVIATED, StatementModels.Kind.BALANCE);
        Statement results = models.of(chart, StatementSize.ABBREVIATED, StatementModels.Kind.RESULTS);
        for (StatementModels.Kind statement : StatementModels.Kind.REQUIRED) {
            AbbreviatedLimits.Limits limits = installed.of(chart, statement).orElseThrow();
            assertTrue(balance.byCode().get(limits.assetsLine()).caption().startsWith("TOTAL ACTIVO"), chart);
            assertTrue(results.byCode().keySet().containsAll(limits.turnoverLines()), chart + " " + limits);
        }
    }

    /** The figures as the file cites them; the balance sheet and the results account of the ESFL plan differ. */
    @Test
    void theFileHoldsTheFiguresOfEachPlansText() {
        assertEquals("2850000 5700000 50 [1, 2]", figures("pgc-esfl", StatementModels.Kind.BALANCE));
        assertEquals("11400000 22800000 250 [1, 2]", figures("pgc-esfl", StatementModels.Kind.RESULTS));
        assertEquals("2850000 5700000 50 [1, 2]", figures("pgc-pymesfl", StatementModels.Kind.RESULTS));
        assertEquals("4000000 8000000 50 [1]", figures("pgc-pymes-2007", StatementModels.Kind.BALANCE));
        assertEquals("4000000 8000000 50 [1]", figures("pgc-cooperativas", StatementModels.Kind.RESULTS));
        assertEquals(Set.of("pgc-esfl", "pgc-pymesfl", "pgc-pymes-2007", "pgc-cooperativas"),
                installed.all().values().stream().map(AbbreviatedLimits.Limits::chart).collect(Collectors.toSet()));
    }

    private String figures(String chart, StatementModels.Kind statement) {
        AbbreviatedLimits.Limits l = installed.of(chart, statement).orElseThrow();
        return l.assets() + " " + l.turnover() + " " + l.staff() + " " + l.turnoverLines();
    }

    @Test
    void aFileThatRepeatsAStatementOrBreaksItsFormatIsAnInstallationErrorNamingTheLine(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("thresholds.csv"),
                AbbreviatedLimits.HEADER + "\n" + "pgc-x;balance;1;1;1;ACTIVO;1\npgc-x;balance;2;2;2;ACTIVO;1\n");
        Statement.InvalidStatementFileException repeated = assertThrows(Statement.InvalidStatementFileException.class,
                () -> new AbbreviatedLimits(dir.toString()).of("pgc-x", StatementModels.Kind.BALANCE));
        assertTrue(repeated.getMessage().contains("thresholds.csv:3"), repeated.getMessage());
        Files.writeString(dir.resolve("thresholds.csv"),
                AbbreviatedLimits.HEADER + "\n" + "pgc-x;balance;2.850.000;1;1;ACTIVO;1\n");
        Statement.InvalidStatementFileException amount = assertThrows(Statement.InvalidStatementFileException.class,
                () -> new AbbreviatedLimits(dir.toString()).of("pgc-x", StatementModels.Kind.BALANCE));
        assertTrue(amount.getMessage().contains("thresholds.csv:2"), amount.getMessage());
    }

    @Test
    void aPlanWithoutLimitsIsNotWarnedAbout(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("thresholds.csv"), "# none\n" + AbbreviatedLimits.HEADER + "\n");
        assertEquals(Optional.empty(),
                new AbbreviatedLimits(dir.toString()).of("pgc-esfl", StatementModels.Kind.BALANCE));
    }
}
