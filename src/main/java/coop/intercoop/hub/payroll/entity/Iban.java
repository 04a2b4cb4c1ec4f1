package coop.intercoop.hub.payroll.entity;

import java.math.BigInteger;
import java.util.Locale;

/**
 * The international bank account number (IBAN) an employee is paid into, ISO 13616-1: two letters of the country, two
 * check digits and the country's account number (BBAN), at most 34 characters. The check: the first four characters
 * moved to the end, each letter replaced by two digits (A = 10 ... Z = 35), the number leaves 1 when divided by 97. Any
 * country is accepted, since an employer may not require the account to be in a given member state (Regulation (EU) No
 * 260/2012, art. 9.2); the country's exact length is checked for Spain only.
 * <p>
 * A Spanish IBAN has 24 characters: {@code ES}, the check digits and the 20 digits of the domestic account number
 * (código cuenta cliente, CCC): bank (4), branch (4), two control digits and the account (10). The first control digit
 * checks {@code 00} + bank + branch, the second the account, each as 11 minus the remainder by 11 of the sum of the
 * digits weighted 1, 2, 4, 8, 5, 10, 9, 7, 3, 6 (from the left), 11 being written 0 and 10 being written 1 (the Spanish
 * banks' standard for the CCC, Consejo Superior Bancario). Both checks are made, so a Spanish number whose IBAN check
 * digits were recomputed around a mistyped account is still refused.
 * <p>
 * Input is normalised: blanks are removed and letters upper-cased, so the printed form {@code ES91 2100 0418 4502
 * 0005 1332} is read.
 */
public record Iban(String value) {

    private static final int[] CCC_WEIGHTS = { 1, 2, 4, 8, 5, 10, 9, 7, 3, 6 };
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    /**
     * @param field
     *            the input field, named by the refusal
     *
     * @throws InvalidIdentifierException
     *             if the text is empty, not shaped as an IBAN (a Spanish one with 24 characters), or a check fails
     */
    public static Iban of(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidIdentifierException(field, "iban.empty");
        }
        String v = text.replaceAll("[\\s\\u00a0]", "").toUpperCase(Locale.ROOT);
        if (!v.matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}")) {
            throw new InvalidIdentifierException(field, "iban.format", v);
        }
        if (v.startsWith("ES") && !v.matches("ES\\d{22}")) {
            throw new InvalidIdentifierException(field, "iban.format.es", v);
        }
        if (!mod97(v).equals(BigInteger.ONE)) {
            throw new InvalidIdentifierException(field, "iban.control", v);
        }
        if (v.startsWith("ES")) {
            String expected = cccControl("00" + v.substring(4, 12)) + cccControl(v.substring(14, 24));
            if (!v.substring(12, 14).equals(expected)) {
                throw new InvalidIdentifierException(field, "iban.ccc", v, expected);
            }
        }
        return new Iban(v);
    }

    private static BigInteger mod97(String iban) {
        StringBuilder digits = new StringBuilder();
        for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN);
    }

    private static String cccControl(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (tenDigits.charAt(i) - '0') * CCC_WEIGHTS[i];
        }
        int control = 11 - sum % 11;
        return String.valueOf(control == 11 ? 0 : control == 10 ? 1 : control);
    }

    @Override
    public String toString() {
        return value;
    }
}
