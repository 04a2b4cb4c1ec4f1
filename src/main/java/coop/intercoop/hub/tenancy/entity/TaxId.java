package coop.intercoop.hub.tenancy.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * A Spanish tax identification number (NIF), validated and normalised.
 * <p>
 * The composition of the NIF is laid down in Real Decreto 1065/2007, arts. 18 to 21 (NIF of natural persons, Spanish
 * and foreign, and NIF of legal persons and entities without legal personality). The first letter of the NIF of legal
 * persons and entities, and the K, L and M letters for natural persons without DNI or NIE, are defined by Orden
 * EHA/451/2008. The accepted forms are:
 * <ul>
 * <li>{@link Kind#DNI}: eight digits and a control letter. The letter is {@code TRWAGMYFPDXBNJZSQVHLCKE} indexed by the
 * number modulo 23.</li>
 * <li>{@link Kind#NIE}: X, Y or Z, seven digits and a control letter. X, Y and Z stand for 0, 1 and 2 in front of the
 * seven digits, and the letter is then computed as for a DNI.</li>
 * <li>{@link Kind#OTHER_PERSON}: K (Spaniards under 14), L (Spaniards resident abroad) or M (foreigners without NIE),
 * seven digits and a control letter computed as for a DNI on the seven digits.</li>
 * <li>{@link Kind#ENTITY} (the former CIF): one of {@code ABCDEFGHJNPQRSUVW} (A sociedad anónima, B sociedad de
 * responsabilidad limitada, C sociedad colectiva, D sociedad comanditaria, E comunidad de bienes, F sociedad
 * cooperativa, G asociación, H comunidad de propietarios, J sociedad civil, N entidad extranjera, P corporación local,
 * Q organismo público, R congregación o institución religiosa, S órgano de la Administración del Estado o de las
 * comunidades autónomas, U unión temporal de empresas, V otros tipos, W establecimiento permanente de entidad no
 * residente), seven digits and a control character. The digits at even positions are added up; each digit at an odd
 * position is doubled and the digits of the product are added; the control digit is {@code (10 - sum % 10) % 10}. The
 * control must be the letter {@code JABCDEFGHI} at that index for N, P, Q, R, S and W, must be the digit for A, B, E
 * and H, and may be either for C, D, F, G, J, U and V.</li>
 * </ul>
 * <p>
 * Input is normalised before checking: surrounding blanks are trimmed, letters are upper-cased, spaces, hyphens and
 * dots are removed, and a leading {@code ES} country prefix (as in the intra-EU VAT number) is dropped. Instances are
 * immutable; two instances are equal when their normalised values are equal.
 */
public final class TaxId {

    /** Kind of holder, told by the shape of the number. */
    public enum Kind {
        /** Spanish national with a DNI: eight digits and a letter. */
        DNI,
        /** Foreign national with a NIE: X, Y or Z, seven digits and a letter. */
        NIE,
        /** Legal person or entity without legal personality (the former CIF). */
        ENTITY,
        /** Natural person with a K, L or M NIF. */
        OTHER_PERSON
    }

    /** Why a text is not a valid tax id. */
    public enum Problem {
        /** Nothing was given: null or blank. */
        EMPTY,
        /** The text is not shaped like a DNI, NIE, K/L/M NIF or entity NIF. */
        FORMAT,
        /** The shape is right but the control character is wrong. */
        CONTROL
    }

    private static final String MOD23_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final String ENTITY_CONTROL_LETTERS = "JABCDEFGHI";
    private static final String ENTITY_FIRST_LETTERS = "ABCDEFGHJNPQRSUVW";
    private static final String ENTITY_LETTER_CONTROL = "NPQRSW";
    private static final String ENTITY_DIGIT_CONTROL = "ABEH";
    private static final String NIE_FIRST_LETTERS = "XYZ";
    private static final String OTHER_PERSON_FIRST_LETTERS = "KLM";

    private final String value;
    private final Kind kind;

    private TaxId(String value, Kind kind) {
        this.value = value;
        this.kind = kind;
    }

    /**
     * Parses a tax id.
     *
     * @param text
     *            the tax id as typed, possibly with spaces, hyphens, dots, lower case or an {@code ES} prefix
     *
     * @return the validated tax id
     *
     * @throws InvalidTaxIdException
     *             if the text is empty, badly shaped or has a wrong control character
     */
    public static TaxId of(String text) {
        String normalised = normalise(text);
        Optional<Problem> problem = check(text);
        if (problem.isPresent()) {
            String expected = problem.get() == Problem.CONTROL ? expectedControl(normalised) : null;
            throw new InvalidTaxIdException(normalised, problem.get(), expected);
        }
        return new TaxId(normalised, kindOf(normalised));
    }

    /**
     * Checks a tax id without throwing.
     *
     * @param text
     *            the tax id as typed
     *
     * @return the problem found, or empty if the text is a valid tax id
     */
    public static Optional<Problem> check(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(Problem.EMPTY);
        }
        String normalised = normalise(text);
        String expected = expectedControl(normalised);
        if (expected == null) {
            return Optional.of(Problem.FORMAT);
        }
        if (!isAcceptedControl(normalised)) {
            return Optional.of(Problem.CONTROL);
        }
        return Optional.empty();
    }

    /**
     * Computes the control character a well-shaped tax id should end with.
     * <p>
     * For entity NIFs whose first letter allows either a letter or a digit (C, D, F, G, J, U, V), the answer is given
     * in the same form as the control character present: a letter if a letter was given, otherwise a digit.
     *
     * @param normalised
     *            the tax id, preferably already normalised (it is normalised again anyway)
     *
     * @return the expected control character as a one-character string, or null if the value is not well-shaped
     */
    public static String expectedControl(String normalised) {
        String v = normalise(normalised);
        Kind kind = kindOf(v);
        if (kind == null) {
            return null;
        }
        switch (kind) {
            case DNI:
                return String.valueOf(mod23Letter(Integer.parseInt(v.substring(0, 8))));
            case NIE:
                int prefix = NIE_FIRST_LETTERS.indexOf(v.charAt(0));
                return String.valueOf(mod23Letter(prefix * 10_000_000 + Integer.parseInt(v.substring(1, 8))));
            case OTHER_PERSON:
                return String.valueOf(mod23Letter(Integer.parseInt(v.substring(1, 8))));
            default:
                int digit = entityControlDigit(v.substring(1, 8));
                char first = v.charAt(0);
                boolean letter = ENTITY_LETTER_CONTROL.indexOf(first) >= 0
                        || ENTITY_DIGIT_CONTROL.indexOf(first) < 0 && isAsciiLetter(v.charAt(8));
                return letter ? String.valueOf(ENTITY_CONTROL_LETTERS.charAt(digit)) : String.valueOf(digit);
        }
    }

    /** @return the normalised value, e.g. {@code 12345678Z} or {@code F12345674} */
    public String value() {
        return value;
    }

    /** @return the kind of holder told by the shape of the number */
    public Kind kind() {
        return kind;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TaxId && ((TaxId) other).value.equals(value);
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
        for (char c : text.strip().toUpperCase(Locale.ROOT).toCharArray()) {
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '-' && c != '.') {
                sb.append(c);
            }
        }
        String s = sb.toString();
        if (s.startsWith("ES") && s.length() > 2) {
            s = s.substring(2);
        }
        return s;
    }

    /** The kind told by the shape alone, or null if the value is not shaped like any kind. */
    private static Kind kindOf(String v) {
        if (v == null || v.length() != 9 || !isAsciiDigits(v, 1, 8) || !isAsciiLetterOrDigit(v.charAt(8))) {
            return null;
        }
        char first = v.charAt(0);
        char last = v.charAt(8);
        if (isAsciiDigit(first)) {
            return isAsciiLetter(last) ? Kind.DNI : null;
        }
        if (NIE_FIRST_LETTERS.indexOf(first) >= 0) {
            return Kind.NIE;
        }
        if (OTHER_PERSON_FIRST_LETTERS.indexOf(first) >= 0) {
            return Kind.OTHER_PERSON;
        }
        if (ENTITY_FIRST_LETTERS.indexOf(first) >= 0) {
            return Kind.ENTITY;
        }
        return null;
    }

    private static boolean isAcceptedControl(String v) {
        char actual = v.charAt(8);
        if (kindOf(v) != Kind.ENTITY) {
            return expectedControl(v).charAt(0) == actual;
        }
        int digit = entityControlDigit(v.substring(1, 8));
        char asLetter = ENTITY_CONTROL_LETTERS.charAt(digit);
        char asDigit = (char) ('0' + digit);
        char first = v.charAt(0);
        if (ENTITY_LETTER_CONTROL.indexOf(first) >= 0) {
            return actual == asLetter;
        }
        if (ENTITY_DIGIT_CONTROL.indexOf(first) >= 0) {
            return actual == asDigit;
        }
        return actual == asLetter || actual == asDigit;
    }

    private static char mod23Letter(int number) {
        return MOD23_LETTERS.charAt(number % 23);
    }

    private static int entityControlDigit(String sevenDigits) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            int d = sevenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                // positions 1, 3, 5 and 7 (counting from 1): double and add the digits of the product
                int doubled = 2 * d;
                sum += doubled / 10 + doubled % 10;
            } else {
                sum += d;
            }
        }
        return (10 - sum % 10) % 10;
    }

    private static boolean isAsciiDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiDigit(c) || isAsciiLetter(c);
    }
}
