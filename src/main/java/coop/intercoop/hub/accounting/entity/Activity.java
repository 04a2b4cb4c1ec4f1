package coop.intercoop.hub.accounting.entity;

/**
 * Which activity of a non-profit an amount belongs to: its own purpose (actividad propia) or a commercial activity
 * (actividad mercantil). Non-profits report the two apart (PGC ESFL, memoria; Ley 49/2002 for the tax regime).
 */
public enum Activity {
    OWN(1, "Actividad propia"), COMMERCIAL(2, "Actividad mercantil");

    /** The value id the analytic balances store for this activity. */
    public final long valueId;
    private final String spanishName;

    Activity(long valueId, String spanishName) {
        this.valueId = valueId;
        this.spanishName = spanishName;
    }

    public String spanishName() {
        return spanishName;
    }

    /** Accepts OWN/COMMERCIAL and the Spanish PROPIA/MERCANTIL, in any case. */
    public static Activity of(String code, String field) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        return switch (c) {
            case "OWN", "PROPIA" -> OWN;
            case "COMMERCIAL", "MERCANTIL" -> COMMERCIAL;
            default -> throw new InvalidEntryException(field, "activity.unknown", code);
        };
    }

    public static Activity ofValueId(long valueId) {
        return valueId == OWN.valueId ? OWN : COMMERCIAL;
    }
}
