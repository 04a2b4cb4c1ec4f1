package coop.intercoop.hub.accounting.entity;

/**
 * Which activity of a non-profit an amount belongs to: its own purpose (actividad propia) or a commercial activity
 * (actividad mercantil). Non-profits report the two apart (PGC ESFL, memoria; Ley 49/2002 for the tax regime).
 */
public enum Activity {
    OWN(1), COMMERCIAL(2);

    /** The value id the analytic balances store for this activity. */
    public final long valueId;

    Activity(long valueId) {
        this.valueId = valueId;
    }

    /** The activity's name as the portal shows it ({@code Actividad propia}), in Spanish unless English is asked. */
    public String label(java.util.Locale language) {
        return Labels.of("activity." + name(), language);
    }

    /**
     * Accepts OWN/COMMERCIAL, the Spanish PROPIA/MERCANTIL and the labels the portal shows in Spanish or English, in
     * any case.
     */
    public static Activity of(String code, String field) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        return switch (c) {
            case "OWN", "PROPIA" -> OWN;
            case "COMMERCIAL", "MERCANTIL" -> COMMERCIAL;
            default -> java.util.Arrays.stream(values())
                    .filter(a -> code != null && Labels.names(code, a.name(), "activity." + a.name())).findFirst()
                    .orElseThrow(() -> new InvalidEntryException(field, "activity.unknown", code));
        };
    }

    public static Activity ofValueId(long valueId) {
        return valueId == OWN.valueId ? OWN : COMMERCIAL;
    }
}
