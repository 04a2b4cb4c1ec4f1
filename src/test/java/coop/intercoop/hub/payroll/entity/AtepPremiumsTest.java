package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.ConfigCsv;

class AtepPremiumsTest {

    private static final String SOURCE = ";verified;BOE-A-2026-2548 disp. final 1.Tres: LGSS disp. adic. 61.1, Cuadro I";

    private static List<ConfigCsv.Row> activities(String... lines) {
        return ConfigCsv.rows("atep-activities.csv", List.of(lines), AtepPremiums.ACTIVITIES_HEADER,
                PayrollRulesFileException::new);
    }

    private static List<ConfigCsv.Row> occupations(String... lines) {
        if (lines.length == 0) {
            return List.of();
        }
        return ConfigCsv.rows("atep-occupations.csv", List.of(lines), AtepPremiums.OCCUPATIONS_HEADER,
                PayrollRulesFileException::new);
    }

    private static String refusal(List<ConfigCsv.Row> activities) {
        return assertThrows(PayrollRulesFileException.class, () -> AtepPremiums.parse(activities, occupations()))
                .getMessage();
    }

    @Test
    void aRowIsReadWithItsRatesAndSourceAndATitleMayHoldASemicolon() {
        AtepPremiums premiums = AtepPremiums.parse(activities(AtepPremiums.ACTIVITIES_HEADER,
                "2026-01-01;;x;Carga y descarga; estiba y desestiba.;3.35;3.35;6.70" + SOURCE), occupations());
        AtepPremiums.Premium x = premiums.activity("x", LocalDate.of(2026, 3, 1)).orElseThrow();
        assertEquals("Carga y descarga; estiba y desestiba.", x.title());
        assertEquals(new BigDecimal("3.35"), x.it());
        assertEquals(new BigDecimal("6.70"), x.total());
        assertEquals(Source.Status.VERIFIED, x.source().status());
        assertEquals("BOE-A-2026-2548 disp. final 1.Tres: LGSS disp. adic. 61.1, Cuadro I", x.source().citation());
    }

    @Test
    void aTotalOtherThanItPlusImsIsRefusedNamingTheLine() {
        assertEquals("atep-activities.csv:2: the total 1.60 is not IT 0.80 + IMS 0.70 = 1.50",
                refusal(activities(AtepPremiums.ACTIVITIES_HEADER,
                        "2026-01-01;;88;Actividades de servicios sociales sin alojamiento.;0.80;0.70;1.60" + SOURCE)));
    }

    @Test
    void twoRowsOfOneCodeSharingADayAreRefusedNamingBothLines() {
        assertEquals(
                "atep-activities.csv:4: the code 88 is already in force on some of these days at "
                        + "atep-activities.csv:2",
                refusal(activities(AtepPremiums.ACTIVITIES_HEADER,
                        "2019-01-01;2025-12-31;88;Actividades de servicios sociales sin alojamiento.;0.80;0.70;1.50"
                                + SOURCE,
                        "2026-01-01;;87;Asistencia en establecimientos residenciales.;0.80;0.70;1.50" + SOURCE,
                        "2025-12-01;;88;Actividades de servicios sociales sin alojamiento.;0.80;0.70;1.50" + SOURCE)));
    }

    @Test
    void rowsOfOneCodeThatFollowEachOtherAreAccepted() {
        AtepPremiums premiums = AtepPremiums.parse(activities(AtepPremiums.ACTIVITIES_HEADER,
                "2019-01-01;2025-12-31;63;Servicios de información (Excepto 6391).;0.65;1.00;1.65" + SOURCE,
                "2026-01-01;;63;Infraestructura informática.;0.65;1.00;1.65" + SOURCE), occupations());
        assertEquals("Servicios de información (Excepto 6391).",
                premiums.activity("63", LocalDate.of(2025, 12, 31)).orElseThrow().title());
        assertEquals("Infraestructura informática.",
                premiums.activity("63", LocalDate.of(2026, 1, 1)).orElseThrow().title());
    }

    @Test
    void aMalformedRowIsRefusedNamingTheLineAndTheProblem() {
        assertEquals("atep-activities.csv:2: the IT rate is a number with . and two decimals, such as 1.50, not '0,80'",
                refusal(activities(AtepPremiums.ACTIVITIES_HEADER,
                        "2026-01-01;;88;Servicios.;0,80;0.70;1.50" + SOURCE)));
        assertEquals("atep-activities.csv:2: the IMS rate is a number with . and two decimals, such as 1.50, not '0.7'",
                refusal(activities(AtepPremiums.ACTIVITIES_HEADER,
                        "2026-01-01;;88;Servicios.;0.80;0.7;1.50" + SOURCE)));
        assertEquals("atep-activities.csv:2: the code is a CNAE code of 2 to 4 digits or a lower-case letter, not '8'",
                refusal(activities(AtepPremiums.ACTIVITIES_HEADER,
                        "2026-01-01;;8;Servicios.;0.80;0.70;1.50" + SOURCE)));
        assertEquals("atep-activities.csv:2: the code 88 needs the table's title",
                refusal(activities(AtepPremiums.ACTIVITIES_HEADER, "2026-01-01;;88; ;0.80;0.70;1.50" + SOURCE)));
        assertEquals("atep-activities.csv:2: needs the fields " + AtepPremiums.ACTIVITIES_HEADER,
                refusal(activities(AtepPremiums.ACTIVITIES_HEADER, "2026-01-01;;88;0.80;0.70;1.50;verified;x")));
        assertEquals("atep-activities.csv:2: the status is verified or derived, not 'checked'",
                refusal(activities(AtepPremiums.ACTIVITIES_HEADER,
                        "2026-01-01;;88;Servicios.;0.80;0.70;1.50;checked;BOE-A-2026-2548")));
        assertEquals("atep-activities.csv:2: each value cites its source", refusal(
                activities(AtepPremiums.ACTIVITIES_HEADER, "2026-01-01;;88;Servicios.;0.80;0.70;1.50;verified; ")));
        assertEquals("atep-activities.csv:2: the days are yyyy-mm-dd, not '2026-02-30' and ''", refusal(
                activities(AtepPremiums.ACTIVITIES_HEADER, "2026-02-30;;88;Servicios.;0.80;0.70;1.50" + SOURCE)));
        assertEquals("atep-occupations.csv:2: the code is a lower-case letter, not '88'",
                assertThrows(PayrollRulesFileException.class,
                        () -> AtepPremiums
                                .parse(activities(AtepPremiums.ACTIVITIES_HEADER),
                                        occupations(AtepPremiums.OCCUPATIONS_HEADER,
                                                "2026-01-01;;88;Personal de oficina.;0.80;0.70;1.50" + SOURCE)))
                                                        .getMessage());
    }

    @Test
    void aDayNoTariffCoversAnswersThatNoneIsInForceAndAnUnknownCodeAnswersNothing() {
        AtepPremiums premiums = AtepPremiums.parse(
                activities(AtepPremiums.ACTIVITIES_HEADER,
                        "2019-01-01;2025-12-31;88;Actividades de servicios sociales sin alojamiento.;0.80;0.70;1.50"
                                + SOURCE),
                occupations(AtepPremiums.OCCUPATIONS_HEADER,
                        "2019-01-01;2025-12-31;a;Personal en trabajos exclusivos de oficina.;0.80;0.70;1.50" + SOURCE));
        LocalDate day2026 = LocalDate.of(2026, 2, 15);
        assertFalse(premiums.inForce(day2026));
        NoRuleInForceException none = assertThrows(NoRuleInForceException.class,
                () -> premiums.activity("88", day2026));
        assertEquals("no AT/EP premium tariff is in force on 2026-02-15", none.getMessage());
        assertThrows(NoRuleInForceException.class, () -> premiums.occupation("a", day2026));
        assertTrue(premiums.inForce(LocalDate.of(2025, 6, 30)));
        assertTrue(premiums.activity("8899", LocalDate.of(2025, 6, 30)).isEmpty());
        assertEquals(new BigDecimal("1.50"), premiums.occupation("a", LocalDate.of(2025, 6, 30)).orElseThrow().total());
    }
}
