package coop.intercoop.hub.payroll.entity;

import java.time.LocalDate;

/**
 * No table of {@code config/payroll} is in force on the day asked: the rules of that period are not installed. An
 * installation's gap, not a caller's mistake, so it names the table and the day.
 */
public class NoRuleInForceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String table;
    private final LocalDate day;

    public NoRuleInForceException(String table, LocalDate day) {
        super("no " + table + " is in force on " + day);
        this.table = table;
        this.day = day;
    }

    public String table() {
        return table;
    }

    public LocalDate day() {
        return day;
    }
}
