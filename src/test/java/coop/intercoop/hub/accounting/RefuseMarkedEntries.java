package coop.intercoop.hub.accounting;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import coop.intercoop.hub.accounting.control.Ledger;

/**
 * Deployed with tests only: an observer in another component that refuses every entry whose total ends in 13 cents,
 * after the ledger has taken its number, written it and chained it, so that the whole posting has to roll back.
 */
@ApplicationScoped
public class RefuseMarkedEntries {

    static final BigDecimal MARK = new BigDecimal("0.13");

    /** Whether an entry of this total is refused. */
    public static boolean isMarked(BigDecimal total) {
        return total.remainder(BigDecimal.ONE).compareTo(MARK) == 0;
    }

    void refuse(@Observes Ledger.EntriesPosted posted) {
        for (Ledger.Posted entry : posted.entries()) {
            if (isMarked(entry.total())) {
                throw new MarkedEntryRefused(entry);
            }
        }
    }

    /** The observer's refusal. */
    public static class MarkedEntryRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MarkedEntryRefused(Ledger.Posted entry) {
            super("Refused by the test observer: entry " + entry.number() + "/" + entry.fiscalYear() + ", total "
                    + entry.total().toPlainString());
        }
    }
}
