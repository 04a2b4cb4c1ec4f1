package coop.intercoop.hub.accounting.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A trial balance (balance de comprobación de sumas y saldos): per account, the sums of its debits and credits from the
 * first day of the fiscal year to the date, and the balance on the side it falls. Every figure comes from posted
 * entries, so total debit equals total credit, and so do the totals of the balances.
 *
 * @param from
 *            the first day of the fiscal year containing {@code date}
 * @param level
 *            {@link ReportLevel#code()}
 * @param excluded
 *            the year-end and opening entries left out of the sums
 */
public record TrialBalance(LocalDate date, LocalDate from, String level, Excluded excluded, List<Row> rows,
        Totals totals) {

    /**
     * Entries of the fiscal year a trial balance may leave out, as accounting packages offer: the closing entries (the
     * {@link Journal#CLOSING} journal on the year's last day: transfer of groups 8 and 9, regularisation and closing,
     * after which every balance is zero) and the opening entry (the {@link Journal#OPENING} journal on its first day).
     *
     * @param closing
     *            the closing entries are left out
     * @param opening
     *            the opening entry is left out
     */
    public record Excluded(boolean closing, boolean opening) {
        /** Every entry counts, as by default. */
        public static final Excluded NONE = new Excluded(false, false);
    }

    public record Row(String code, String name, BigDecimal debit, BigDecimal credit, BigDecimal balanceDebit,
            BigDecimal balanceCredit) {
        static Row of(String code, String name, Movement m) {
            BigDecimal net = m.net();
            return new Row(code, name, m.debit(), m.credit(), net.signum() > 0 ? net : BigDecimal.ZERO.setScale(2),
                    net.signum() < 0 ? net.negate() : BigDecimal.ZERO.setScale(2));
        }
    }

    public record Totals(BigDecimal debit, BigDecimal credit, BigDecimal balanceDebit, BigDecimal balanceCredit) {
    }

    /**
     * Rolls the posting accounts' movements up to the level, one row per code of that level in code order; accounts
     * without movements are left out.
     *
     * @param byAccount
     *            movements by posting-account code
     * @param names
     *            the name of an account code of the chart, or null
     */
    public static TrialBalance of(LocalDate date, LocalDate from, ReportLevel level, Map<String, Movement> byAccount,
            Function<String, String> names) {
        return of(date, from, level, Excluded.NONE, byAccount, names);
    }

    /**
     * {@link #of(LocalDate, LocalDate, ReportLevel, Map, Function)} of movements read without the entries
     * {@code excluded} names.
     */
    public static TrialBalance of(LocalDate date, LocalDate from, ReportLevel level, Excluded excluded,
            Map<String, Movement> byAccount, Function<String, String> names) {
        Map<String, Movement> byRow = new TreeMap<>();
        byAccount.forEach((code, m) -> byRow.merge(level.rowOf(code), m, Movement::plus));
        List<Row> rows = new ArrayList<>();
        BigDecimal debit = BigDecimal.ZERO.setScale(2);
        BigDecimal credit = debit;
        BigDecimal balanceDebit = debit;
        BigDecimal balanceCredit = debit;
        for (Map.Entry<String, Movement> e : byRow.entrySet()) {
            if (e.getValue().isZero()) {
                continue;
            }
            String name = names.apply(e.getKey());
            Row row = Row.of(e.getKey(), name == null ? "" : name, e.getValue());
            rows.add(row);
            debit = debit.add(row.debit());
            credit = credit.add(row.credit());
            balanceDebit = balanceDebit.add(row.balanceDebit());
            balanceCredit = balanceCredit.add(row.balanceCredit());
        }
        return new TrialBalance(date, from, level.code(), excluded, rows,
                new Totals(debit, credit, balanceDebit, balanceCredit));
    }
}
