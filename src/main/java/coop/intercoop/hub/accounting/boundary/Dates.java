package coop.intercoop.hub.accounting.boundary;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import coop.intercoop.hub.platform.HubException;

/** Dates in query parameters and bodies: ISO YYYY-MM-DD, with a message naming the parameter when they are not. */
final class Dates {

    private Dates() {
    }

    static LocalDate optional(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidDateException(name, text);
        }
    }

    static LocalDate required(String text, String name) {
        LocalDate date = optional(text, name);
        if (date == null) {
            throw new InvalidDateException(name, text);
        }
        return date;
    }

    static LocalDate required(LocalDate date, String name) {
        if (date == null) {
            throw new InvalidDateException(name, null);
        }
        return date;
    }

    public static class InvalidDateException extends HubException {
        private static final long serialVersionUID = 1L;

        public InvalidDateException(String name, String text) {
            super(Kind.INVALID, name, text == null || text.isBlank() ? "date.missing" : "date.invalid",
                    new Object[] { name, text });
        }
    }
}
