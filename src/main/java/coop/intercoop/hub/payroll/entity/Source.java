package coop.intercoop.hub.payroll.entity;

import java.util.Locale;

/**
 * Where a payroll rule's value comes from: the legal text that states it (BOE id, article, annex) and whether the value
 * was checked in that official text or derived from others (a derived value says how in its citation).
 */
public record Source(String citation, Status status) {

    /** Whether a value was read in the official text in force or computed from other values. */
    public enum Status {
        VERIFIED, DERIVED;

        /**
         * @throws PayrollRulesFileException
         *             for a status other than {@code verified} or {@code derived}
         */
        public static Status parse(String text, String place) {
            return switch (text.strip()) {
                case "verified" -> VERIFIED;
                case "derived" -> DERIVED;
                default -> throw new PayrollRulesFileException(place,
                        "the status is verified or derived, not '" + text + "'");
            };
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @throws PayrollRulesFileException
     *             for an empty citation or an unknown status
     */
    public static Source parse(String citation, String status, String place) {
        if (citation.isBlank()) {
            throw new PayrollRulesFileException(place, "each value cites its source");
        }
        return new Source(citation.strip(), Status.parse(status, place));
    }
}
