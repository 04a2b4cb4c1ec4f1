package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class GrantTest {

    private static Grant grant() {
        Grant grant = new Grant();
        grant.code = " g-25 ";
        grant.name = "Empleo 2025";
        grant.funder = "Ayuntamiento";
        grant.awarded = new BigDecimal("10000.00");
        grant.eligibleFrom = LocalDate.of(2025, 1, 1);
        grant.eligibleTo = LocalDate.of(2025, 12, 31);
        grant.budget = new ArrayList<>(List.of(new Grant.BudgetLine("64", new BigDecimal("8000")),
                new Grant.BudgetLine(" 621 ", new BigDecimal("2000"))));
        return grant;
    }

    @Test
    void aValidGrantIsNormalised() {
        Grant grant = grant();
        grant.check();
        assertEquals("G-25", grant.code);
        assertEquals("621", grant.budget.get(1).account);
    }

    @Test
    void eachWrongFieldIsNamed() {
        Grant noAmount = grant();
        noAmount.awarded = BigDecimal.ZERO;
        assertEquals("awarded", assertThrows(InvalidEntryException.class, noAmount::check).field());
        Grant backwards = grant();
        backwards.eligibleTo = LocalDate.of(2024, 12, 31);
        assertEquals("eligibleTo", assertThrows(InvalidEntryException.class, backwards::check).field());
        Grant assetBudget = grant();
        assetBudget.budget.get(0).account = "572";
        assertEquals("budget[0].account", assertThrows(InvalidEntryException.class, assetBudget::check).field());
        Grant twice = grant();
        twice.budget.get(1).account = "64";
        InvalidEntryException duplicate = assertThrows(InvalidEntryException.class, twice::check);
        assertEquals("budget[1].account", duplicate.field());
        assertTrue(duplicate.getMessage().contains("appears twice"));
        Grant badCode = grant();
        badCode.code = "g 25";
        assertEquals("code", assertThrows(InvalidEntryException.class, badCode::check).field());
    }

    @Test
    void journalsActivitiesAndDimensionsAreReadInAnyCase() {
        assertEquals(Journal.PAYROLL, Journal.of(" payroll "));
        assertTrue(assertThrows(InvalidEntryException.class, () -> Journal.of("VENTAS")).getMessage()
                .contains("GENERAL, SALES"));
        assertEquals(Activity.OWN, Activity.of("propia", "x"));
        assertEquals(Activity.COMMERCIAL, Activity.of("Commercial", "x"));
        assertEquals(Dimension.WORK_CENTRE, Dimension.of("work-centre", "x"));
        assertEquals("lines[0].analytic[1].dimension",
                assertThrows(InvalidEntryException.class, () -> Dimension.of("area", "lines[0].analytic[1].dimension"))
                        .field());
    }

    @Test
    void anAmountAboveWhatTheBooksHoldIsRefusedNamingItsField() {
        Grant huge = grant();
        huge.awarded = new BigDecimal("1e20");
        assertEquals("awarded", assertThrows(InvalidEntryException.class, huge::check).field());
        Grant hugeLine = grant();
        hugeLine.budget.get(1).amount = new BigDecimal("1000000000000");
        assertEquals("budget[1].amount", assertThrows(InvalidEntryException.class, hugeLine::check).field());
        Grant largest = grant();
        largest.awarded = EntryDraft.MAX_AMOUNT;
        largest.check();
    }
}
