package coop.intercoop.hub.accounting.entity;

/**
 * The journals (diarios) an entry is recorded in. Every organisation has all of them; the legal entry number runs
 * across journals, per fiscal year.
 */
public enum Journal {
    GENERAL("Diario general"), SALES("Ventas"), PURCHASES("Compras"), BANK("Bancos"), CASH("Caja"), PAYROLL("Nóminas"),
    OPENING("Apertura"), CLOSING("Cierre y regularización");

    private final String spanishName;

    Journal(String spanishName) {
        this.spanishName = spanishName;
    }

    public String spanishName() {
        return spanishName;
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
