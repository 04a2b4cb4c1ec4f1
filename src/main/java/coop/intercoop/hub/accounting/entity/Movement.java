package coop.intercoop.hub.accounting.entity;

import java.math.BigDecimal;

/** What was debited and credited to an account (or a group of accounts) over some time. */
public record Movement(BigDecimal debit, BigDecimal credit) {

    public static final Movement ZERO = new Movement(BigDecimal.ZERO, BigDecimal.ZERO);

    public Movement plus(Movement other) {
        return new Movement(debit.add(other.debit), credit.add(other.credit));
    }

    /** Debit minus credit: positive for a debit balance. */
    public BigDecimal net() {
        return debit.subtract(credit);
    }

    public boolean isZero() {
        return debit.signum() == 0 && credit.signum() == 0;
    }
}
