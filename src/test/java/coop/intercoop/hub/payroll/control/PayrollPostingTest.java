package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.payroll.control.PayrollPosting.Cost;
import coop.intercoop.hub.payroll.entity.PostingAccounts;
import coop.intercoop.hub.platform.Refusals;

class PayrollPostingTest {

    private static final Map<PostingAccounts.Concept, PostingAccounts.Account> PYMES = new PayrollTables(
            "config/payroll").postingAccounts().of("pgc-pymes-2007").orElseThrow();
    private static final LocalDate END_OF_MARCH = LocalDate.of(2026, 3, 31);

    /**
     * Issue 19's first worked example as a run's cost: group 5, base 2.000,00 € in 2026, employer 472,00 + 110,00 +
     * 4,00 + 12,00 + 15,00 = 613,00 (AT/EP left out here), employee 94,00 + 31,00 + 2,00 + 3,00 = 130,00, IRPF at 14,09
     * % = 281,80; net 2.000,00 − 130,00 − 281,80 = 1.588,20.
     */
    private static Cost example(String centre, String project) {
        return new Cost(Optional.ofNullable(centre), Optional.ofNullable(project), amount("2000.00"), amount("0.00"),
                amount("613.00"), amount("0.00"), amount("130.00"), amount("281.80"), amount("0.00"),
                amount("1588.20"));
    }

    @Test
    void aRunsEntryBalancesAndLandsInTheChartsAccounts() {
        EntryDraft entry = PayrollPosting.entry(PYMES, END_OF_MARCH, "Nómina marzo 2026", "RUN-3",
                List.of(example("28123456789", "P1")));
        Refusals refusals = new Refusals();
        entry.check("", refusals);
        assertTrue(refusals.isEmpty(), refusals.all().toString());
        assertEquals(Journal.PAYROLL, entry.journal());
        // PGC PYMES quinta parte: 640 and 642 charged; 476 credited by both contributions, 4751 by the IRPF, 465 by the
        // pay owed
        assertEquals(List.of("640 D 2000.00 28123456789 P1", "642 D 613.00 28123456789 P1", "476 C 743.00",
                "4751 C 281.80", "465 C 1588.20"), lines(entry));
        assertEquals(entry.total(), amount("2613.00"));
    }

    @Test
    void theExpensesAreSplitByWorkCentreAndProjectAndTheDebtsAreOneLineEach() {
        EntryDraft entry = PayrollPosting.entry(PYMES, END_OF_MARCH, "Nómina marzo 2026", null,
                List.of(example("28123456789", "P1"), example("28123456789", "P1"), example("08123456789", null),
                        example(null, null)));
        assertEquals(List.of("640 D 2000.00", "640 D 2000.00 08123456789", "640 D 4000.00 28123456789 P1",
                "642 D 613.00", "642 D 613.00 08123456789", "642 D 1226.00 28123456789 P1", "476 C 2972.00",
                "4751 C 1127.20", "465 C 6352.80"), lines(entry));
        Refusals refusals = new Refusals();
        entry.check("", refusals);
        assertTrue(refusals.isEmpty(), refusals.all().toString());
    }

    /**
     * Sick leave under delegated payment (LGSS art. 102.1.a): the benefit the employer pays for the Social Security is
     * charged to 471 and owed to the employee in the net pay; an advance set off is credited to 460.
     */
    @Test
    void aBenefitAdvancedGoesTo471AndAnAdvanceSetOffTo460() {
        Cost withLeave = new Cost(Optional.empty(), Optional.empty(), amount("1000.00"), amount("0.00"),
                amount("300.00"), amount("450.00"), amount("65.00"), amount("100.00"), amount("200.00"),
                amount("1085.00"));
        EntryDraft entry = PayrollPosting.entry(PYMES, END_OF_MARCH, "Nómina", null, List.of(withLeave));
        assertEquals(List.of("640 D 1000.00", "642 D 300.00", "471 D 450.00", "476 C 365.00", "4751 C 100.00",
                "460 C 200.00", "465 C 1085.00"), lines(entry));
        assertNull(entry.getLines().get(2).getAnalytic(), "a recoverable benefit is no cost of a centre");
    }

    /**
     * A complementary run after the complement was lowered from 550,00 to 500,00: 50,00 paid in excess, the employer's
     * contributions on it (11,80) and the employee's (2,35) owed back by the Social Security, nothing withheld; the
     * worker owes 47,65. Each sum goes to the other side of its account, so the entry balances without a negative
     * amount.
     */
    @Test
    void differencesPaidInExcessAreCreditedToTheCostsAndTheWorkerOwesTheNetPay() {
        Cost excess = new Cost(Optional.of("28123456789"), Optional.of("P1"), amount("-50.00"), amount("0.00"),
                amount("-11.80"), amount("0.00"), amount("-2.35"), amount("0.00"), amount("0.00"), amount("-47.65"));
        EntryDraft entry = PayrollPosting.entry(PYMES, END_OF_MARCH, "Atrasos", null, List.of(excess));

        assertEquals(List.of("640 C 50.00 28123456789 P1", "642 C 11.80 28123456789 P1", "476 D 14.15", "465 D 47.65"),
                lines(entry));
        Refusals refusals = new Refusals();
        entry.check("", refusals);
        assertTrue(refusals.isEmpty(), refusals.all().toString());
        assertEquals(amount("61.80"), entry.total());
    }

    @Test
    void aCostWhoseNetPayIsNotWhatTheFiguresLeaveIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Cost(Optional.empty(), Optional.empty(), amount("2000.00"), amount("0.00"), amount("613.00"),
                        amount("0.00"), amount("130.00"), amount("281.80"), amount("0.00"), amount("1588.21")));
        assertTrue(refused.getMessage().startsWith("the net pay 1588.21 is not 1588.20"), refused.getMessage());
    }

    private static List<String> lines(EntryDraft entry) {
        return entry.getLines().stream().map(PayrollPostingTest::line).toList();
    }

    private static String line(EntryLine line) {
        String side = line.getDebit() != null ? "D " + line.getDebit() : "C " + line.getCredit();
        String shares = line.getAnalytic() == null ? ""
                : line.getAnalytic().stream().map(s -> " " + s.canonicalCode()).reduce("", String::concat);
        return line.getAccount() + " " + side + shares;
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }
}
