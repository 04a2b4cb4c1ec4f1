package coop.intercoop.hub.accounting.entity;

import java.util.Locale;

/**
 * The size of an organisation's annual accounts, which decides the models its statements are drawn up in: the
 * abbreviated ones, and the normal ones of the entities above the thresholds of the abbreviated accounts, each plan's
 * own ({@link coop.intercoop.hub.accounting.control.AbbreviatedLimits}).
 */
public enum StatementSize {
    ABBREVIATED, NORMAL;

    /** As plans.csv, the API and the portal write it: {@code abbreviated}, {@code normal}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The size a code names, in any case.
     *
     * @throws IllegalArgumentException
     *             if it names none
     */
    public static StatementSize of(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
