package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import coop.intercoop.hub.accounting.entity.BalancedEntries.Entry;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.accounting.entity.EntryDraft.UnbalancedEntryException;

class EntryDraftTest {

    private static final Pattern UNBALANCED = Pattern.compile(
            "The entry is unbalanced: debit (\\S+), credit (\\S+), difference (\\S+) on the (debit|credit) side\\.");

    @Provide
    Arbitrary<Entry> balanced() {
        return BalancedEntries.entries();
    }

    /** How a line can carry no amount, or two. */
    @Provide
    Arbitrary<BigDecimal[]> badSides() {
        BigDecimal zero = new BigDecimal("0.00");
        return Arbitraries.of(new BigDecimal[] { null, null }, new BigDecimal[] { zero, null },
                new BigDecimal[] { null, BigDecimal.ZERO }, new BigDecimal[] { zero, zero },
                new BigDecimal[] { new BigDecimal("10.00"), new BigDecimal("10.00") },
                new BigDecimal[] { new BigDecimal("0.01"), new BigDecimal("999.99") });
    }

    @Property(tries = 250)
    void everyBalancedEntryPasses(@ForAll("balanced") Entry entry) {
        EntryDraft draft = entry.toDraft();
        assertDoesNotThrow(() -> draft.check());
        assertEquals(0, draft.total().compareTo(BigDecimal.valueOf(entry.debitCents(), 2)));
    }

    @Property(tries = 250)
    void changingOneAmountByAnyCentsUnbalancesTheEntryByExactlyThat(@ForAll("balanced") Entry entry,
            @ForAll @IntRange(min = 0, max = 29) int at, @ForAll @LongRange(min = 1, max = 100_000_000_000L) long cents,
            @ForAll boolean down) {
        int index = at % entry.lines().size();
        BalancedEntries.Line line = entry.lines().get(index);
        // a decrease that would reach zero or below becomes an increase: that would be another refusal
        long change = down && cents < line.cents() ? -cents : cents;
        List<BalancedEntries.Line> lines = new ArrayList<>(entry.lines());
        lines.set(index, new BalancedEntries.Line(line.debit(), line.cents() + change, line.account()));
        EntryDraft draft = new Entry(entry.date(), lines).toDraft();

        UnbalancedEntryException refused = assertThrows(UnbalancedEntryException.class, () -> draft.check());

        assertEquals("lines", refused.field());
        Matcher m = UNBALANCED.matcher(refused.getMessage());
        assertTrue(m.matches(), refused.getMessage());
        long debit = entry.debitCents() + (line.debit() ? change : 0);
        long credit = entry.creditCents() + (line.debit() ? 0 : change);
        assertEquals(BigDecimal.valueOf(debit, 2), new BigDecimal(m.group(1).replace(",", "")), refused.getMessage());
        assertEquals(BigDecimal.valueOf(credit, 2), new BigDecimal(m.group(2).replace(",", "")), refused.getMessage());
        assertEquals(BigDecimal.valueOf(Math.abs(change), 2), new BigDecimal(m.group(3).replace(",", "")),
                refused.getMessage());
        assertEquals(debit > credit ? "debit" : "credit", m.group(4), refused.getMessage());
    }

    @Property(tries = 250)
    void aLineWithBothSidesOrNeitherIsRefusedNamingItsDebit(@ForAll("balanced") Entry entry,
            @ForAll @IntRange(min = 0, max = 29) int at, @ForAll("badSides") BigDecimal[] sides) {
        int index = at % entry.lines().size();
        EntryDraft draft = entry.toDraft();
        EntryLine line = draft.getLines().get(index);
        line.setDebit(sides[0]);
        line.setCredit(sides[1]);

        InvalidEntryException refused = assertThrows(InvalidEntryException.class, () -> draft.check());

        assertEquals("lines[" + index + "].debit", refused.field());
        boolean both = sides[0] != null && sides[0].signum() != 0;
        assertTrue(refused.getMessage().startsWith("Line " + (index + 1) + " has " + (both ? "both" : "neither")),
                refused.getMessage());
    }

    @net.jqwik.api.Example
    void theSameAnalyticValueWrittenTwoWaysIsOneValueTwice() {
        for (String[] codes : new String[][] { { "OWN", "propia" }, { "p1", "P1" } }) {
            EntryLine line = new EntryLine("629", new BigDecimal("10"), null, null);
            EntryDraft.Share first = new EntryDraft.Share(
                    codes[0].startsWith("p") ? Dimension.PROJECT : Dimension.ACTIVITY, codes[0], new BigDecimal("50"));
            EntryDraft.Share second = new EntryDraft.Share(first.dimension(), codes[1], new BigDecimal("50"));
            line.setAnalytic(List.of(first, second));
            EntryDraft draft = new EntryDraft(java.time.LocalDate.of(2025, 1, 1), Journal.GENERAL, "x", null,
                    List.of(line, new EntryLine("570", null, new BigDecimal("10"), null)));
            InvalidEntryException twice = assertThrows(InvalidEntryException.class, () -> draft.check());
            assertEquals("lines[0].analytic[1].code", twice.field());
            assertTrue(twice.getMessage().contains("appears twice"), twice.getMessage());
        }
    }

    /** One rule, one refusal: each reader gets it in their language, with the amount written as they write it. */
    @net.jqwik.api.Example
    void aRefusalIsWordedInTheReadersLanguageWithTheirNumbers() {
        EntryDraft draft = new EntryDraft(java.time.LocalDate.of(2025, 1, 1), Journal.GENERAL, "x", null,
                List.of(new EntryLine("629", new BigDecimal("1794.015"), null, null),
                        new EntryLine("570", null, new BigDecimal("1794.015"), null)));
        InvalidEntryException refused = assertThrows(InvalidEntryException.class, () -> draft.check());
        assertEquals("lines[0].debit", refused.field());
        assertEquals("Línea 1: 1.794,015 tiene más de dos decimales (céntimos).",
                refused.message(coop.intercoop.hub.platform.HubTexts.SPANISH));
        assertEquals("Line 1: 1,794.015 has more than two decimals (cents).",
                refused.message(java.util.Locale.ENGLISH));
        assertEquals(refused.message(java.util.Locale.ENGLISH), refused.getMessage());
    }
}
