package coop.intercoop.hub.payroll.entity;

/**
 * A Social Security affiliation number (NAF, <i>número de afiliación</i>), which the Tesorería General de la Seguridad
 * Social (TGSS) gives a person once for life.
 * <p>
 * Twelve digits: the two-digit code of the province that gave it, an eight-digit number and two control digits. The
 * control digits are the remainder, written on two digits, of dividing by 97 the number the province and the
 * eight-digit number make together (province &times; 10<sup>8</sup> + number). The numbers given before the number grew
 * to eight digits are written with a leading zero, and for them (number below 10,000,000) the zero does not count: the
 * dividend is province &times; 10<sup>7</sup> + number. Examples: {@code 28 12345678}: 2812345678 mod 97 = 40, so
 * {@code 281234567840}; {@code 28 01234567}: 281234567 mod 97 = 42, so {@code 280123456742} (and not 85, which
 * 2801234567 mod 97 would give).
 * <p>
 * Source: no official TGSS text stating the algorithm could be found (the TGSS's Sistema RED checks the number but its
 * published documentation does not state the rule); the rule, with the leading-zero case, is the one described in "Cómo
 * obtener el Dígito de Control de un Número de Seguridad Social español" (Enrique Martínez Montejo,
 * http://www.mvp-access.es/softjaen/vbnet/funciones/dc/sjvbnetfun05.htm), which tenancy's
 * {@code ContributionAccountCode} (the work centre's CCC, the same arithmetic on a seven-digit number) also cites. The
 * province digits are not checked against a list: the TGSS's codes beyond the 52 provinces could not be confirmed, and
 * the control digits catch a mistyped province. Input is normalised: blanks, slashes, hyphens and dots are removed.
 */
public record AffiliationNumber(String value) {

    private static final int LENGTH = 12;
    private static final long OLD_NUMBERS = 10_000_000L;

    /**
     * @param field
     *            the input field, named by the refusal
     *
     * @throws InvalidIdentifierException
     *             if the text is empty, not twelve digits, or its control digits are wrong
     */
    public static AffiliationNumber of(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidIdentifierException(field, "naf.empty");
        }
        String v = text.strip().replaceAll("[\\s/.\\-]", "");
        if (!v.matches("\\d{" + LENGTH + "}")) {
            throw new InvalidIdentifierException(field, "naf.format", v);
        }
        String expected = expectedControl(v);
        if (!v.endsWith(expected)) {
            throw new InvalidIdentifierException(field, "naf.control", v, expected);
        }
        return new AffiliationNumber(v);
    }

    /** The two control digits of a twelve-digit number, by the rule above. */
    static String expectedControl(String twelveDigits) {
        long province = Long.parseLong(twelveDigits.substring(0, 2));
        long number = Long.parseLong(twelveDigits.substring(2, 10));
        long base = number < OLD_NUMBERS ? province * OLD_NUMBERS + number : province * 100_000_000L + number;
        return String.format("%02d", base % 97);
    }

    @Override
    public String toString() {
        return value;
    }
}
