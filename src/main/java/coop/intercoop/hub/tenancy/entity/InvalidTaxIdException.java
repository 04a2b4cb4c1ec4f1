package coop.intercoop.hub.tenancy.entity;

import coop.intercoop.hub.platform.HubException;

/**
 * Thrown by {@link TaxId#of(String)} when a text is not a valid Spanish tax id. It carries what was wrong, so that a
 * form can show a precise message, and, when the control character was wrong, which one was expected.
 */
public class InvalidTaxIdException extends HubException {

    private static final long serialVersionUID = 1L;

    /** The normalised value that was refused, or null if the input was null. */
    private final String value;
    /** What is wrong with the value. */
    private final TaxId.Problem problem;
    /** The expected control when the problem is CONTROL, otherwise null. */
    private final String expectedControl;

    /**
     * @param value
     *            the normalised value that was refused (null if the input was null)
     * @param problem
     *            what is wrong with it
     * @param expectedControl
     *            the control character that was expected, for {@link TaxId.Problem#CONTROL}; else null
     */
    public InvalidTaxIdException(String value, TaxId.Problem problem, String expectedControl) {
        super(Kind.INVALID, "taxId", "taxId." + problem.name().toLowerCase(java.util.Locale.ROOT)
                + (expectedControl == null ? "" : ".expected"), new Object[] { value, expectedControl });
        this.value = value;
        this.problem = problem;
        this.expectedControl = expectedControl;
    }

    /** @return the normalised value that was refused, or null if the input was null */
    public String getValue() {
        return value;
    }

    /** @return what is wrong with the value */
    public TaxId.Problem getProblem() {
        return problem;
    }

    /** @return the expected control character when the problem is {@link TaxId.Problem#CONTROL}, otherwise null */
    public String getExpectedControl() {
        return expectedControl;
    }
}
