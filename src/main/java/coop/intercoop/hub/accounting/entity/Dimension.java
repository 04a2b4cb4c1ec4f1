package coop.intercoop.hub.accounting.entity;

import coop.intercoop.hub.platform.HubTexts;

/** The analytic dimensions non-profits report on. A line may split its amount across values of each of them. */
public enum Dimension {
    PROJECT, GRANT, ACTIVITY, WORK_CENTRE;

    /** Accepts the names in any case, with a hyphen or underscore for WORK_CENTRE. */
    public static Dimension of(String name, String field) {
        String n = name == null ? "" : name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (Dimension d : values()) {
            if (d.name().equals(n)) {
                return d;
            }
        }
        throw new InvalidEntryException(field, "dimension.unknown", name);
    }

    /** The dimension's name in a refusal's language. */
    public HubTexts.Text term() {
        return new HubTexts.Text(InvalidEntryException.REFUSALS, "dimension." + name());
    }
}
