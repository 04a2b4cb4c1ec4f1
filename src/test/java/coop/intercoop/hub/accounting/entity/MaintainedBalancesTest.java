package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import coop.intercoop.hub.accounting.entity.BalancedEntries.Entry;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;

/**
 * A model of the balances the ledger maintains while posting (debit and credit per month and account, each posting
 * adding its lines): whatever balanced entries are posted, in whatever order, the books stay balanced.
 */
class MaintainedBalancesTest {

    /** period_balance in memory: month and account to {debit, credit}. */
    static final class Balances {
        final Map<String, BigDecimal[]> byPeriodAndAccount = new TreeMap<>();

        void post(EntryDraft draft) {
            draft.check();
            for (EntryLine line : draft.getLines()) {
                BigDecimal[] b = byPeriodAndAccount.computeIfAbsent(
                        YearMonth.from(draft.getDate()) + " " + line.getAccount(),
                        k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
                b[0] = b[0].add(line.debitOrZero());
                b[1] = b[1].add(line.creditOrZero());
            }
        }

        BigDecimal debit() {
            return byPeriodAndAccount.values().stream().map(b -> b[0]).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal credit() {
            return byPeriodAndAccount.values().stream().map(b -> b[1]).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        Map<String, List<BigDecimal>> snapshot() {
            Map<String, List<BigDecimal>> copy = new TreeMap<>();
            byPeriodAndAccount.forEach((k, v) -> copy.put(k, List.of(v[0], v[1])));
            return copy;
        }
    }

    @Provide
    Arbitrary<List<Entry>> postings() {
        return BalancedEntries.entries().list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 100)
    void postingBalancedEntriesKeepsTotalDebitEqualToTotalCredit(@ForAll("postings") List<Entry> entries) {
        Balances balances = new Balances();
        BigDecimal total = BigDecimal.ZERO;
        for (Entry entry : entries) {
            EntryDraft draft = entry.toDraft();
            balances.post(draft);
            total = total.add(draft.total());
        }
        BigDecimal posted = total;
        assertEquals(0, balances.debit().compareTo(balances.credit()),
                () -> "debit " + balances.debit() + ", credit " + balances.credit());
        assertEquals(0, balances.debit().compareTo(posted), () -> "debit " + balances.debit() + ", posted " + posted);
    }

    @Property(tries = 100)
    void theBalancesDoNotDependOnTheOrderOfPosting(@ForAll("postings") List<Entry> entries, @ForAll long seed) {
        Balances inOrder = new Balances();
        entries.forEach(e -> inOrder.post(e.toDraft()));
        List<Entry> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, new Random(seed));
        Balances reordered = new Balances();
        shuffled.forEach(e -> reordered.post(e.toDraft()));
        assertEquals(inOrder.snapshot(), reordered.snapshot());
    }
}
