package coop.intercoop.hub.accounting.entity;

/**
 * The journals (diarios) an entry is recorded in. Every organisation has all of them; the legal entry number runs
 * across journals, per fiscal year.
 */
public enum Journal {
    GENERAL, SALES, PURCHASES, BANK, CASH, PAYROLL, OPENING, CLOSING;

    /** The journal's name as the portal shows it ({@code Bancos}, {@code Bank}), in Spanish unless English is asked. */
    public String label(java.util.Locale language) {
        return Labels.of("journal." + name(), language);
    }

    /** The journal a person names by its code ({@code BANK}) or its label in Spanish or English, in any case. */
    public static java.util.Optional<Journal> named(String name) {
        if (name != null) {
            for (Journal journal : values()) {
                if (Labels.names(name, journal.name(), "journal." + journal.name())) {
                    return java.util.Optional.of(journal);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The journal a query parameter names by its code, in any case; null when the text is blank (no journal asked for).
     * The JAX-RS runtime converts a query parameter with it.
     *
     * @throws InvalidEntryException
     *             naming the journals there are, if {@code code} is none of them
     */
    public static Journal fromString(String code) {
        return code == null || code.isBlank() ? null : of(code);
    }

    /**
     * @throws InvalidEntryException
     *             naming the journals there are, if {@code code} is none of them
     */
    public static Journal of(String code) {
        if (code != null) {
            for (Journal journal : values()) {
                if (journal.name().equalsIgnoreCase(code.strip())) {
                    return journal;
                }
            }
        }
        throw new InvalidEntryException("journal", "journal.unknown", code);
    }
}
