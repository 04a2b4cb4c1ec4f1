package coop.intercoop.hub.accounting.entity;

/** The rules shared by the codes and names of projects and grants. */
public final class Dimensions {

    public static final int MAX_CODE = 20;
    public static final int MAX_NAME = 200;

    private Dimensions() {
    }

    /** A code: 1 to {@value #MAX_CODE} letters, digits, dots, hyphens or underscores, kept upper case. */
    public static String checkCode(String code, String field) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!c.matches("[A-Z0-9._-]{1," + MAX_CODE + "}")) {
            throw new InvalidEntryException(field, "analytic.code.invalid", code, MAX_CODE);
        }
        return c;
    }

    public static String checkName(String name, String field) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new InvalidEntryException(field, "analytic.name.length", MAX_NAME);
        }
        return name.strip();
    }
}
