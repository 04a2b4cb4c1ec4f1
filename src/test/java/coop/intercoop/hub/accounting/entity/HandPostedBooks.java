package coop.intercoop.hub.accounting.entity;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Books written by hand for the worked examples of the statement tests: the movements of each account, given one by one
 * or posted as entries of one debit and one credit, so that an example reads as the journal an accountant keeps and
 * always balances.
 */
public final class HandPostedBooks {

    private final Map<String, Movement> movements = new HashMap<>();

    public static Movement debit(String amount) {
        return new Movement(new BigDecimal(amount), BigDecimal.ZERO);
    }

    public static Movement credit(String amount) {
        return new Movement(BigDecimal.ZERO, new BigDecimal(amount));
    }

    public static Movement debitAndCredit(String debit, String credit) {
        return new Movement(new BigDecimal(debit), new BigDecimal(credit));
    }

    /** An entry debiting one account and crediting another with the same amount. */
    public HandPostedBooks post(String debitAccount, String creditAccount, String amount) {
        movements.merge(debitAccount, debit(amount), Movement::plus);
        movements.merge(creditAccount, credit(amount), Movement::plus);
        return this;
    }

    /** What was posted, by account code. */
    public Map<String, Movement> movements() {
        return Map.copyOf(movements);
    }
}
