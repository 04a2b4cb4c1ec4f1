package coop.intercoop.hub.accounting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.entity.InvalidReportException;
import coop.intercoop.hub.accounting.entity.ReportLevel;
import coop.intercoop.hub.tenancy.control.CallerOrganisations;
import coop.intercoop.hub.tenancy.entity.Role;

/** A trial balance summed over several organisations: how many it sums, and how its rows are labelled. */
class ConsolidationTest {

    /** A consolidation whose caller reads the books of every organisation asked for. */
    private static Consolidation readingAll() {
        Consolidation consolidation = new Consolidation();
        consolidation.callerOrganisations = new CallerOrganisations() {
            @Override
            public List<Member> check(Collection<Long> asked, Role... anyOf) {
                return asked.stream().distinct().map(org -> new Member(org, "G" + org, "Org " + org, Set.of(anyOf)))
                        .toList();
            }
        };
        return consolidation;
    }

    @Test
    void noOrganisationIsRefused() {
        InvalidReportException refused = assertThrows(InvalidReportException.class, () -> readingAll()
                .trialBalance(List.of(), LocalDate.of(2025, 6, 30), ReportLevel.THREE_DIGITS, Role.ACCOUNTANT));
        assertEquals("orgs", refused.field());
    }

    @Test
    void moreOrganisationsThanTheMostOneReportSumsAreRefused() {
        List<Long> many = LongStream.rangeClosed(1, Consolidation.MAX_ORGANISATIONS + 1).boxed().toList();
        assertThrows(InvalidReportException.class, () -> readingAll().trialBalance(many, LocalDate.of(2025, 6, 30),
                ReportLevel.THREE_DIGITS, Role.ACCOUNTANT));
    }

    @Test
    void aSummedCodeIsLabelledWithoutPickingOneOrganisationsName() {
        Map<String, Set<String>> names = Map.of("5", Set.of("Cuentas financieras"), "572",
                Set.of("Bancos e instituciones de crédito c/c vista, euros"), "5720001",
                new TreeSet<>(Set.of("Banco Uno", "Caja Dos")), "5720002", Set.of("Cuenta de ahorro"), "129",
                new TreeSet<>(Set.of("Excedente del ejercicio", "Resultado del ejercicio")));
        Set<String> template = Set.of("5", "572", "129");
        assertEquals("Bancos e instituciones de crédito c/c vista, euros",
                Consolidation.consolidatedName("572", names, template));
        assertEquals("Subcuenta de 572 Bancos e instituciones de crédito c/c vista, euros (nombre distinto en cada "
                + "organización)", Consolidation.consolidatedName("5720001", names, template));
        assertEquals("Cuenta de ahorro", Consolidation.consolidatedName("5720002", names, template));
        assertEquals("Excedente del ejercicio / Resultado del ejercicio",
                Consolidation.consolidatedName("129", names, template));
        assertEquals(null, Consolidation.consolidatedName("640", names, template));
    }
}
