package coop.intercoop.hub.tenancy.entity;

/**
 * A Spanish postal code: five digits (the first two the province's). One rule for every address the hub keeps — a work
 * centre's, an employee's — whether it arrives through the API, the portal or an import.
 */
public final class PostalCode {

    /** The shape of a postal code, for {@code @Pattern} and for checks of a cell. */
    public static final String PATTERN = "\\d{5}";

    private PostalCode() {
    }

    public static boolean valid(String code) {
        return code != null && code.matches(PATTERN);
    }
}
