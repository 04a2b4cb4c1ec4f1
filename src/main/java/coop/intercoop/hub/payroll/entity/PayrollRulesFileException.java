package coop.intercoop.hub.payroll.entity;

/**
 * A rule file of {@code config/payroll} that breaks its format or contradicts itself: an installation error, named with
 * the file and line, never a caller's.
 */
public class PayrollRulesFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayrollRulesFileException(String place, String problem) {
        super(place + ": " + problem);
    }
}
