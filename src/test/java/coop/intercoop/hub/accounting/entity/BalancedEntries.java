package coop.intercoop.hub.accounting.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;

/**
 * Generated balanced journal entries: 2 to 30 lines on random sides with random cent amounts. One side is drawn freely
 * and the other cuts the same total into random positive parts, so every entry balances to the cent without a balancing
 * line of its own.
 */
final class BalancedEntries {

    static final List<String> ACCOUNTS = List.of("570", "572", "629", "640", "721", "4300001", "4100001", "4750001");

    /** A line as generated: its side, amount in cents and account. */
    record Line(boolean debit, long cents, String account) {

        BigDecimal amount() {
            return BigDecimal.valueOf(cents, 2);
        }

        EntryLine toEntryLine() {
            return new EntryLine(account, debit ? amount() : null, debit ? null : amount(), null);
        }
    }

    /** A generated entry: its date and lines. */
    record Entry(LocalDate date, List<Line> lines) {

        EntryDraft toDraft() {
            return new EntryDraft(date, Journal.GENERAL, "Generated entry", null,
                    lines.stream().map(Line::toEntryLine).toList());
        }

        long debitCents() {
            return lines.stream().filter(Line::debit).mapToLong(Line::cents).sum();
        }

        long creditCents() {
            return lines.stream().filter(l -> !l.debit()).mapToLong(Line::cents).sum();
        }
    }

    private BalancedEntries() {
    }

    static Arbitrary<Entry> entries() {
        return Combinators.combine(dates(), lines()).as(Entry::new);
    }

    static Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 364).map(d -> LocalDate.of(2025, 1, 1).plusDays(d));
    }

    /** 2..30 balanced lines in random order. */
    static Arbitrary<List<Line>> lines() {
        return Arbitraries
                .integers().between(2,
                        30)
                .flatMap(size -> Arbitraries.integers().between(1, size - 1)
                        .flatMap(free -> Combinators.combine(Arbitraries.of(true, false),
                                // at least 30 cents per free line, so the total has a cent for each line cut from it
                                Arbitraries.longs().between(30, 10_000_000_000L).list().ofSize(free))
                                .flatAs((freeSideIsDebit, freeAmounts) -> {
                                    long total = freeAmounts.stream().mapToLong(Long::longValue).sum();
                                    int cut = size - free;
                                    return Combinators
                                            .combine(cuts(total, cut), Arbitraries.of(ACCOUNTS).list().ofSize(size))
                                            .flatAs((cutAmounts, accounts) -> {
                                                List<Line> all = new ArrayList<>(size);
                                                for (int i = 0; i < free; i++) {
                                                    all.add(new Line(freeSideIsDebit, freeAmounts.get(i),
                                                            accounts.get(i)));
                                                }
                                                for (int i = 0; i < cut; i++) {
                                                    all.add(new Line(!freeSideIsDebit, cutAmounts.get(i),
                                                            accounts.get(free + i)));
                                                }
                                                return Arbitraries.shuffle(all);
                                            });
                                })));
    }

    /** {@code total} cut into {@code parts} positive amounts. */
    static Arbitrary<List<Long>> cuts(long total, int parts) {
        if (parts == 1) {
            return Arbitraries.just(List.of(total));
        }
        return Arbitraries.longs().between(1, total - 1).set().ofSize(parts - 1).map(points -> {
            List<Long> sorted = new ArrayList<>(points);
            sorted.sort(null);
            List<Long> amounts = new ArrayList<>(parts);
            long previous = 0;
            for (long point : sorted) {
                amounts.add(point - previous);
                previous = point;
            }
            amounts.add(total - previous);
            return amounts;
        });
    }
}
