package coop.intercoop.hub.tenancy.entity;

import java.util.Optional;

/**
 * A Spanish Social Security contribution account code (CCC, <i>código cuenta de cotización</i>), the number the
 * Tesorería General de la Seguridad Social (TGSS) gives an employer for each province where it has workers.
 * <p>
 * A CCC has eleven digits: a two-digit province code, a seven-digit number and two control digits. The control digits
 * are the remainder of dividing the first nine digits, read as one number (province &times; 10<sup>7</sup> + number,
 * the number always being below 10,000,000), by 97, written on two digits. Example: {@code 28 1234567 42}, because
 * 281234567 mod 97 = 42. The province codes accepted are 01 to 52 (the INE province codes, Ceuta 51 and Melilla 52
 * included).
 * <p>
 * Sources: no official TGSS specification of the algorithm could be consulted when writing this class; the rule is the
 * one described, with the worked example above, in "Validar un número de la Seguridad Social" (Club Developers,
 * http://delphiaccess.com/foros/index.php/articulos/delphi/130-validar-un-número-de-la-seguridad-social) and in "Cómo
 * obtener el Dígito de Control de un Número de Seguridad Social español" (Enrique Martínez Montejo,
 * http://www.mvp-access.es/softjaen/vbnet/funciones/dc/sjvbnetfun05.htm). The 11-digit structure (province, 7-digit
 * number, 2 control digits, province below 10 written with a leading zero) is also described by the mutual insurer
 * Fraternidad-Muprespa (https://www.fraternidad.com/gl-ES/ccc). Special non-provincial codes (some sources mention
 * codes above 52) could not be confirmed and are refused with {@link Problem#PROVINCE}.
 * <p>
 * Input is normalised before checking: blanks, slashes, hyphens and dots are removed, so {@code "28/1234567/42"} and
 * {@code "28 1234567 42"} are both read as {@code 28123456742}. Instances are immutable; two instances are equal when
 * their normalised values are equal.
 */
public final class ContributionAccountCode {

    /** Why a text is not a valid contribution account code. */
    public enum Problem {
        /** Nothing was given: null or blank. */
        EMPTY,
        /** The text is not eleven digits. */
        FORMAT,
        /** The first two digits are not a Spanish province code. */
        PROVINCE,
        /** The shape and province are right but the control digits are wrong. */
        CONTROL
    }

    private static final int MIN_PROVINCE = 1;
    private static final int MAX_PROVINCE = 52;
    private static final int LENGTH = 11;

    private final String value;

    private ContributionAccountCode(String value) {
        this.value = value;
    }

    /**
     * Parses a contribution account code.
     *
     * @param text
     *            the code as typed, possibly with spaces, slashes, hyphens or dots
     *
     * @return the validated code
     *
     * @throws InvalidContributionAccountCodeException
     *             if the text is empty, not eleven digits, has an unknown province or wrong control digits
     */
    public static ContributionAccountCode of(String text) {
        String normalised = normalise(text);
        Optional<Problem> problem = check(text);
        if (problem.isPresent()) {
            String expected = problem.get() == Problem.CONTROL ? expectedControl(normalised) : null;
            throw new InvalidContributionAccountCodeException(normalised, problem.get(), expected);
        }
        return new ContributionAccountCode(normalised);
    }

    /**
     * Checks a contribution account code without throwing.
     *
     * @param text
     *            the code as typed
     *
     * @return the problem found, or empty if the text is a valid code
     */
    public static Optional<Problem> check(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(Problem.EMPTY);
        }
        String normalised = normalise(text);
        if (!isWellShaped(normalised)) {
            return Optional.of(Problem.FORMAT);
        }
        int province = Integer.parseInt(normalised.substring(0, 2));
        if (province < MIN_PROVINCE || province > MAX_PROVINCE) {
            return Optional.of(Problem.PROVINCE);
        }
        if (!normalised.substring(9).equals(expectedControl(normalised))) {
            return Optional.of(Problem.CONTROL);
        }
        return Optional.empty();
    }

    /**
     * Computes the two control digits a well-shaped code should end with.
     *
     * @param normalised
     *            the code, preferably already normalised (it is normalised again anyway)
     *
     * @return the two expected control digits, e.g. {@code "07"}, or null if the value is not eleven digits
     */
    public static String expectedControl(String normalised) {
        String v = normalise(normalised);
        if (!isWellShaped(v)) {
            return null;
        }
        long base = Long.parseLong(v.substring(0, 2)) * 10_000_000L + Long.parseLong(v.substring(2, 9));
        return String.format("%02d", base % 97);
    }

    /** @return the normalised eleven digits, e.g. {@code 28123456742} */
    public String value() {
        return value;
    }

    /** @return the two-digit province code, e.g. {@code "08"} */
    public String province() {
        return value.substring(0, 2);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContributionAccountCode && ((ContributionAccountCode) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.strip().toCharArray()) {
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '/' && c != '-' && c != '.') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isWellShaped(String v) {
        if (v == null || v.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
