package coop.intercoop.hub.accounting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.entity.Dimension;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.accounting.entity.EntryDraft.Share;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.accounting.entity.LockDates;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.Refusals;

/**
 * The posting rules against books held in memory: every rule, on both sides of its boundary, and every refusal of one
 * entry gathered at once.
 */
class PostingRulesTest {

    private static final LocalDate LAST_OF_2024 = LocalDate.of(2024, 12, 31);
    private static final LocalDate FIRST_OF_2025 = LocalDate.of(2025, 1, 1);
    private static final LocalDate LAST_OF_2025 = LocalDate.of(2025, 12, 31);
    private static final LocalDate MARCH_31 = LocalDate.of(2025, 3, 31);

    /** An organisation's books: the fiscal years 2023 (closed), 2024 (legalised) and 2025 (open). */
    static final class Books implements BooksView {
        final Map<String, ChartAccount> accounts = new HashMap<>();
        final Map<Integer, Year> years = new HashMap<>();
        final Set<String> analytic = new HashSet<>();
        LockDates locks = new LockDates(1);

        Books() {
            account("572", "Bancos", true);
            account("629", "Otros servicios", true);
            account("62", "Servicios exteriores", false);
            account("4000001", "Proveedor 1", true);
            years.put(2023, new Year(2023, true, false));
            years.put(2024, new Year(2024, false, true));
            years.put(2025, new Year(2025, false, false));
            analytic.add(Dimension.PROJECT + "P-1");
            analytic.add(Dimension.GRANT + "SUB-1");
            analytic.add(Dimension.WORK_CENTRE + "28123456789");
        }

        Books account(String code, String name, boolean posting) {
            accounts.put(code, new ChartAccount(code, name, posting));
            return this;
        }

        Books locked(LocalDate soft, LocalDate hard) {
            locks = new LockDates(1, soft, hard);
            return this;
        }

        @Override
        public ChartAccount account(String code) {
            return accounts.get(code);
        }

        @Override
        public Year yearOf(LocalDate date) {
            return years.get(date.getYear());
        }

        @Override
        public LockDates locks() {
            return locks;
        }

        @Override
        public boolean hasAnalytic(Dimension dimension, String canonicalCode) {
            return dimension == Dimension.ACTIVITY || analytic.contains(dimension + canonicalCode);
        }
    }

    private final Books books = new Books();

    private static EntryLine debit(String account, String amount) {
        return new EntryLine(account, new BigDecimal(amount), null, null);
    }

    private static EntryLine credit(String account, String amount) {
        return new EntryLine(account, null, new BigDecimal(amount), null);
    }

    private static EntryDraft entry(LocalDate date, EntryLine... lines) {
        return new EntryDraft(date, Journal.GENERAL, "Factura", null, Arrays.asList(lines));
    }

    private static EntryDraft balanced(LocalDate date) {
        return entry(date, debit("629", "121.00"), credit("572", "121.00"));
    }

    private List<HubException> refusals(EntryDraft draft) {
        return refusals(draft, false);
    }

    private List<HubException> refusals(EntryDraft draft, boolean override) {
        Refusals refusals = new Refusals();
        new PostingRules(books, override).check(draft, "", refusals);
        return refusals.all();
    }

    private static List<String> keys(List<HubException> refusals) {
        return refusals.stream().map(HubException::key).toList();
    }

    private static List<String> fields(List<HubException> refusals) {
        return refusals.stream().map(HubException::field).toList();
    }

    @Test
    void aBalancedEntryOnAnOpenDayPasses() {
        assertEquals(List.of(), refusals(balanced(MARCH_31)));
    }

    // ---- dates against fiscal years and locks

    @Test
    void aDateInNoFiscalYearIsRefused() {
        List<HubException> refused = refusals(balanced(LocalDate.of(2026, 1, 1)));
        assertEquals(List.of("year.none"), keys(refused));
        assertEquals(List.of("date"), fields(refused));
        assertEquals(HubException.Kind.INVALID, refused.get(0).kind());
    }

    @Test
    void theFirstAndLastDayOfAnOpenYearTakeEntries() {
        assertEquals(List.of(), refusals(balanced(FIRST_OF_2025)));
        assertEquals(List.of(), refusals(balanced(LAST_OF_2025)));
    }

    @Test
    void aClosedYearIsRefusedNamingTheYear() {
        List<HubException> refused = refusals(balanced(LocalDate.of(2023, 6, 30)));
        assertEquals(List.of("year.closed.posting"), keys(refused));
        assertEquals(HubException.Kind.CONFLICT, refused.get(0).kind());
        assertTrue(refused.get(0).message(Locale.ENGLISH).contains("2023"), refused.get(0).getMessage());
    }

    @Test
    void aLegalisedYearIsRefused() {
        assertEquals(List.of("year.legalised.posting"), keys(refusals(balanced(LAST_OF_2024))));
    }

    @Test
    void theHardLockDayIsRefusedAndTheDayAfterIsOpen() {
        books.locked(null, MARCH_31);
        List<HubException> refused = refusals(balanced(MARCH_31));
        assertEquals(List.of("lock.hard"), keys(refused));
        assertEquals(HubException.Kind.CONFLICT, refused.get(0).kind());
        assertEquals(List.of(), refusals(balanced(MARCH_31.plusDays(1))));
    }

    @Test
    void theHardLockCannotBeOverridden() {
        books.locked(MARCH_31, MARCH_31);
        Refusals refusals = new Refusals();
        PostingRules rules = new PostingRules(books, true);
        rules.check(balanced(MARCH_31), "", refusals);
        assertEquals(List.of("lock.hard"), keys(refusals.all()));
        assertFalse(rules.overridden());
    }

    @Test
    void theSoftLockDayIsRefusedWithoutAnOverrideAndTheDayAfterIsOpen() {
        books.locked(MARCH_31, null);
        assertEquals(List.of("lock.soft"), keys(refusals(balanced(MARCH_31))));
        assertEquals(List.of(), refusals(balanced(MARCH_31.plusDays(1))));
    }

    @Test
    void anOverrideLetsASoftLockedDateThroughAndSaysSo() {
        books.locked(MARCH_31, LocalDate.of(2025, 1, 31));
        Refusals refusals = new Refusals();
        PostingRules rules = new PostingRules(books, true);
        rules.check(balanced(MARCH_31), "", refusals);
        assertEquals(List.of(), refusals.all());
        assertTrue(rules.overridden());
    }

    @Test
    void anOverrideNotNeededIsNotReportedAsUsed() {
        books.locked(MARCH_31, null);
        Refusals refusals = new Refusals();
        PostingRules rules = new PostingRules(books, true);
        rules.check(balanced(MARCH_31.plusDays(1)), "", refusals);
        assertFalse(rules.overridden());
    }

    // ---- accounts and analytic codes

    @Test
    void anAccountNotInTheChartIsRefusedOnItsLine() {
        List<HubException> refused = refusals(entry(MARCH_31, debit("629", "10.00"), credit("5729", "10.00")));
        assertEquals(List.of("line.account.unknown"), keys(refused));
        assertEquals(List.of("lines[1].account"), fields(refused));
        assertEquals("Line 2: the account 5729 does not exist in this organisation's chart.",
                refused.get(0).message(Locale.ENGLISH));
    }

    @Test
    void aHeadingAccountIsRefusedNamingIt() {
        List<HubException> refused = refusals(entry(MARCH_31, debit("62", "10.00"), credit("572", "10.00")));
        assertEquals(List.of("line.account.heading"), keys(refused));
        assertTrue(refused.get(0).message(Locale.ENGLISH).contains("62 Servicios exteriores"),
                refused.get(0).getMessage());
    }

    @Test
    void anAccountIsFoundByItsCodeWithoutSurroundingSpaces() {
        assertEquals(List.of(), refusals(entry(MARCH_31, debit(" 629 ", "10.00"), credit("572", "10.00"))));
    }

    @Test
    void analyticCodesMustBeTheOrganisations() {
        EntryLine known = debit("629", "10.00");
        known.setAnalytic(new ArrayList<>(List.of(new Share(Dimension.PROJECT, "p-1", null),
                new Share(Dimension.GRANT, "SUB-1", null), new Share(Dimension.ACTIVITY, "OWN", null),
                new Share(Dimension.WORK_CENTRE, "28/12345678-9", null))));
        assertEquals(List.of(), refusals(entry(MARCH_31, known, credit("572", "10.00"))));

        EntryLine unknown = debit("629", "10.00");
        unknown.setAnalytic(new ArrayList<>(List.of(new Share(Dimension.PROJECT, "P-2", null),
                new Share(Dimension.WORK_CENTRE, "28999999999", null))));
        List<HubException> refused = refusals(entry(MARCH_31, unknown, credit("572", "10.00")));
        assertEquals(List.of("line.analytic.unknown", "line.analytic.unknown"), keys(refused));
        assertEquals(List.of("lines[0].analytic[0].code", "lines[0].analytic[1].code"), fields(refused));
    }

    // ---- the entry's own rules, through the same check

    @Test
    void twoDecimalsPassAndAThirdIsRefused() {
        assertEquals(List.of(), refusals(entry(MARCH_31, debit("629", "10.10"), credit("572", "10.100"))));
        List<HubException> refused = refusals(entry(MARCH_31, debit("629", "10.005"), credit("572", "10.005")));
        assertEquals(List.of("line.amount.cents", "line.amount.cents"), keys(refused));
        assertEquals(List.of("lines[0].debit", "lines[1].credit"), fields(refused));
    }

    @Test
    void theLargestAmountPassesAndACentMoreIsRefused() {
        String largest = EntryDraft.MAX_AMOUNT.toPlainString();
        assertEquals(List.of(), refusals(entry(MARCH_31, debit("629", largest), credit("572", largest))));
        String more = EntryDraft.MAX_AMOUNT.add(new BigDecimal("0.01")).toPlainString();
        assertEquals(List.of("line.amount.large", "line.amount.large"),
                keys(refusals(entry(MARCH_31, debit("629", more), credit("572", more)))));
    }

    @Test
    void aLineIsEitherADebitOrACreditAndNotNegative() {
        EntryLine both = new EntryLine("629", new BigDecimal("1.00"), new BigDecimal("1.00"), null);
        EntryLine neither = new EntryLine("572", BigDecimal.ZERO, null, null);
        assertEquals(List.of("line.amount.both", "line.amount.neither"),
                keys(refusals(entry(MARCH_31, both, neither))));
        assertEquals(List.of("line.amount.negative"),
                keys(refusals(entry(MARCH_31, debit("629", "-1.00"), credit("572", "1.00")))));
    }

    @Test
    void anEntryNeedsTwoLines() {
        assertEquals(List.of("entry.lines.few"), keys(refusals(entry(MARCH_31))));
        assertEquals(List.of("entry.lines.few"), keys(refusals(entry(MARCH_31, debit("629", "1.00")))));
    }

    @Test
    void anUnbalancedEntryStatesItsTotalsAndDifference() {
        List<HubException> refused = refusals(entry(MARCH_31, debit("629", "10.50"), credit("572", "10.00")));
        assertEquals(List.of("entry.unbalanced.debit"), keys(refused));
        assertEquals("The entry is unbalanced: debit 10.50, credit 10.00, difference 0.50 on the debit side.",
                refused.get(0).message(Locale.ENGLISH));
    }

    @Test
    void analyticSharesTotalOneHundredPerDimension() {
        EntryLine line = debit("629", "10.00");
        line.setAnalytic(new ArrayList<>(List.of(new Share(Dimension.PROJECT, "P-1", new BigDecimal("99.99")))));
        assertEquals(List.of("share.total"), keys(refusals(entry(MARCH_31, line, credit("572", "10.00")))));
        line.setAnalytic(new ArrayList<>(List.of(new Share(Dimension.PROJECT, "P-1", BigDecimal.ZERO))));
        assertEquals(List.of("share.percent"), keys(refusals(entry(MARCH_31, line, credit("572", "10.00")))));
        line.setAnalytic(new ArrayList<>(List.of(new Share(Dimension.PROJECT, "P-1", new BigDecimal("50")),
                new Share(Dimension.PROJECT, "p-1", new BigDecimal("50")))));
        assertEquals(List.of("share.code.twice"), keys(refusals(entry(MARCH_31, line, credit("572", "10.00")))));
    }

    // ---- gathering

    @Test
    void everyRefusalOfTheBooksIsGatheredNotJustTheFirst() {
        books.locked(null, MARCH_31);
        List<HubException> refused = refusals(entry(MARCH_31, debit("9999", "10.00"), credit("62", "10.00")));
        assertEquals(List.of("lock.hard", "line.account.unknown", "line.account.heading"), keys(refused));
        assertEquals(List.of("date", "lines[0].account", "lines[1].account"), fields(refused));
    }

    @Test
    void theBooksAreConsultedOnlyOnceTheEntryIsRightOnItsOwn() {
        List<HubException> refused = refusals(
                entry(LocalDate.of(2026, 1, 1), debit("9999", "10.001"), credit("572", "10.00")));
        assertEquals(List.of("line.amount.cents"), keys(refused));
    }

    @Test
    void theFieldsOfOneOfSeveralEntriesNameIt() {
        Refusals refusals = new Refusals();
        new PostingRules(books, false).check(entry(MARCH_31, debit("9999", "1.00"), credit("572", "1.00")),
                "entries[2].", refusals);
        assertEquals(List.of("entries[2].lines[0].account"), fields(refusals.all()));
    }

    @Test
    void theFirstRefusalIsThrownCarryingTheOthers() {
        Refusals refusals = new Refusals();
        new PostingRules(books, false).check(entry(MARCH_31, debit("9998", "1.00"), credit("9999", "1.00")), "",
                refusals);
        HubException thrown = assertThrows(HubException.class, refusals::throwIfAny);
        assertEquals("lines[0].account", thrown.field());
        assertEquals(List.of("lines[0].account", "lines[1].account"), fields(thrown.all()));
    }
}
