package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ValidityTest {

    @Test
    void aRuleCoversItsFirstAndLastDayAndNothingOutside() {
        Validity year = Validity.parse("2026-01-01", "2026-12-31", "f:1");
        assertTrue(year.covers(LocalDate.of(2026, 1, 1)));
        assertTrue(year.covers(LocalDate.of(2026, 12, 31)));
        assertFalse(year.covers(LocalDate.of(2025, 12, 31)));
        assertFalse(year.covers(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void aRuleWithoutALastDayStaysInForce() {
        Validity open = Validity.parse("2026-01-01", " ", "f:1");
        assertTrue(open.covers(LocalDate.of(2099, 1, 1)));
        assertTrue(open.overlaps(Validity.parse("2030-01-01", "2030-12-31", "f:2")));
        assertFalse(Validity.parse("2025-01-01", "2025-12-31", "f:3").overlaps(open));
    }

    @Test
    void aBadDateOrALastDayBeforeTheFirstNamesTheLine() {
        assertEquals("f:7: the days are yyyy-mm-dd, not '2026-13-01' and ''",
                assertThrows(PayrollRulesFileException.class, () -> Validity.parse("2026-13-01", "", "f:7"))
                        .getMessage());
        assertEquals("f:8: the last day 2025-12-31 is before the first 2026-01-01",
                assertThrows(PayrollRulesFileException.class, () -> Validity.parse("2026-01-01", "2025-12-31", "f:8"))
                        .getMessage());
    }

    @Test
    void aValueCitesItsSourceAndSaysHowItWasChecked() {
        assertEquals(Source.Status.DERIVED, Source.parse("BOE-A-2026-2548, art. 2", "derived", "f:1").status());
        assertThrows(PayrollRulesFileException.class, () -> Source.parse(" ", "verified", "f:2"));
        assertThrows(PayrollRulesFileException.class, () -> Source.parse("BOE-A-2026-2548", "guessed", "f:3"));
    }
}
