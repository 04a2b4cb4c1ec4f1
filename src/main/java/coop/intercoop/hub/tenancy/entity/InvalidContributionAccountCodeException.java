package coop.intercoop.hub.tenancy.entity;

import coop.intercoop.hub.platform.HubException;

/**
 * Thrown by {@link ContributionAccountCode#of(String)} when a text is not a valid Social Security contribution account
 * code (CCC). It carries what was wrong and, when the control digits were wrong, which ones were expected.
 */
public class InvalidContributionAccountCodeException extends HubException {

    private static final long serialVersionUID = 1L;

    /** The normalised value that was refused, or null if the input was null. */
    private final String value;
    /** What is wrong with the value. */
    private final ContributionAccountCode.Problem problem;
    /** The expected control when the problem is CONTROL, otherwise null. */
    private final String expectedControl;

    /**
     * @param value
     *            the normalised value that was refused (null if the input was null)
     * @param problem
     *            what is wrong with it
     * @param expectedControl
     *            the two control digits that were expected, for {@link ContributionAccountCode.Problem#CONTROL};
     *            otherwise null
     */
    public InvalidContributionAccountCodeException(String value, ContributionAccountCode.Problem problem,
            String expectedControl) {
        super(Kind.INVALID, "ccc", "ccc." + problem.name().toLowerCase(java.util.Locale.ROOT)
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
    public ContributionAccountCode.Problem getProblem() {
        return problem;
    }

    /**
     * @return the expected control digits when the problem is {@link ContributionAccountCode.Problem#CONTROL},
     *         otherwise null
     */
    public String getExpectedControl() {
        return expectedControl;
    }
}
