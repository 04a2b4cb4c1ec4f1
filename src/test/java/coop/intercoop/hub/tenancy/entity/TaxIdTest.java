package coop.intercoop.hub.tenancy.entity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fixtures are made-up numbers whose control characters were computed by hand as shown in the comments.
 * <p>
 * Mod-23 table, index: T0 R1 W2 A3 G4 M5 Y6 F7 P8 D9 X10 B11 N12 J13 Z14 S15 Q16 V17 H18 L19 C20 K21 E22.
 */
class TaxIdTest {

    // DNI 87654321: 23 x 3811057 = 87654311, remainder 10 -> X.
    private static final String DNI = "87654321X";
    // DNI 00000023: 23 mod 23 = 0 -> T.
    private static final String DNI_LEADING_ZEROS = "00000023T";
    // NIE X1234567 -> 01234567: 23 x 53676 = 1234548, remainder 19 -> L.
    private static final String NIE_X = "X1234567L";
    // NIE Y1234567 -> 11234567: 23 x 488459 = 11234557, remainder 10 -> X.
    private static final String NIE_Y = "Y1234567X";
    // NIE Z1234567 -> 21234567: 23 x 923242 = 21234566, remainder 1 -> R.
    private static final String NIE_Z = "Z1234567R";
    // K/L/M 1234567: as for X above, remainder 19 -> L.
    private static final String K_NIF = "K1234567L";
    // Entity digits 1234567: odd positions 1,3,5,7 doubled -> 2, 6, 10 (1+0=1), 14 (1+4=5) = 14;
    // even positions 2+4+6 = 12; sum 26; (10 - 6) % 10 = 4 -> digit 4, letter JABCDEFGHI[4] = D.
    private static final String DIGITS = "1234567";
    // Entity digits 1000004: odd positions 1 -> 2, 0, 0, 4 -> 8 = 10; even 0; sum 10; (10 - 0) % 10 = 0 -> 0 or J.
    private static final String DIGITS_CONTROL_ZERO = "1000004";

    @Test
    void dniWithRightLetterIsAccepted() {
        TaxId id = TaxId.of(DNI);
        assertAll(() -> assertEquals(DNI, id.value()), () -> assertEquals(TaxId.Kind.DNI, id.kind()),
                () -> assertEquals(Optional.empty(), TaxId.check(DNI)));
    }

    @Test
    void dniWithLeadingZerosIsAccepted() {
        assertEquals(TaxId.Kind.DNI, TaxId.of(DNI_LEADING_ZEROS).kind());
    }

    @Test
    void dniWithWrongLetterIsRefusedNamingTheExpectedLetter() {
        InvalidTaxIdException e = assertThrows(InvalidTaxIdException.class, () -> TaxId.of("87654321A"));
        assertAll(() -> assertEquals(TaxId.Problem.CONTROL, e.getProblem()),
                () -> assertEquals("87654321A", e.getValue()), () -> assertEquals("X", e.getExpectedControl()),
                () -> assertEquals("87654321A is not a valid Spanish tax id: its control character should be X.",
                        e.getMessage()),
                () -> assertEquals("87654321A no es un NIF válido: su carácter de control debería ser X.",
                        e.message(java.util.Locale.forLanguageTag("es"))));
    }

    @Test
    void dniEndingWithALetterOutsideTheTableIsAControlProblem() {
        assertEquals(Optional.of(TaxId.Problem.CONTROL), TaxId.check("87654321U"));
        assertEquals("X", TaxId.expectedControl("87654321U"));
    }

    @ParameterizedTest
    @ValueSource(strings = { NIE_X, NIE_Y, NIE_Z })
    void nieStartingWithXYOrZIsAccepted(String nie) {
        TaxId id = TaxId.of(nie);
        assertEquals(TaxId.Kind.NIE, id.kind());
        assertEquals(nie, id.value());
    }

    @Test
    void nieLetterDependsOnThePrefixLetter() {
        // the same seven digits give a different letter with X, Y and Z
        assertEquals("L", TaxId.expectedControl("X1234567A"));
        assertEquals("X", TaxId.expectedControl("Y1234567A"));
        assertEquals("R", TaxId.expectedControl("Z1234567A"));
    }

    @Test
    void nieWithWrongLetterIsRefusedNamingTheExpectedLetter() {
        InvalidTaxIdException e = assertThrows(InvalidTaxIdException.class, () -> TaxId.of("Y1234567L"));
        assertEquals(TaxId.Problem.CONTROL, e.getProblem());
        assertEquals("X", e.getExpectedControl());
    }

    @ParameterizedTest
    @ValueSource(strings = { "N", "P", "Q", "R", "S", "W" })
    void entityWhoseFirstLetterRequiresALetterControlIsAcceptedWithTheLetter(String first) {
        TaxId id = TaxId.of(first + DIGITS + "D");
        assertEquals(TaxId.Kind.ENTITY, id.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = { "N", "P", "Q", "R", "S", "W" })
    void entityWhoseFirstLetterRequiresALetterControlIsRefusedWithTheDigitNamingTheLetter(String first) {
        InvalidTaxIdException e = assertThrows(InvalidTaxIdException.class, () -> TaxId.of(first + DIGITS + "4"));
        assertEquals(TaxId.Problem.CONTROL, e.getProblem());
        assertEquals("D", e.getExpectedControl());
    }

    @ParameterizedTest
    @ValueSource(strings = { "A", "B", "E", "H" })
    void entityWhoseFirstLetterRequiresADigitControlIsAcceptedWithTheDigit(String first) {
        assertEquals(TaxId.Kind.ENTITY, TaxId.of(first + DIGITS + "4").kind());
    }

    @ParameterizedTest
    @ValueSource(strings = { "A", "B", "E", "H" })
    void entityWhoseFirstLetterRequiresADigitControlIsRefusedWithTheLetterNamingTheDigit(String first) {
        InvalidTaxIdException e = assertThrows(InvalidTaxIdException.class, () -> TaxId.of(first + DIGITS + "D"));
        assertEquals(TaxId.Problem.CONTROL, e.getProblem());
        assertEquals("4", e.getExpectedControl());
    }

    @ParameterizedTest
    @ValueSource(strings = { "C", "D", "F", "G", "J", "U", "V" })
    void entityWhoseFirstLetterAllowsEitherIsAcceptedWithLetterOrDigit(String first) {
        assertEquals(TaxId.Kind.ENTITY, TaxId.of(first + DIGITS + "D").kind());
        assertEquals(TaxId.Kind.ENTITY, TaxId.of(first + DIGITS + "4").kind());
    }

    @Test
    void cooperativeWithWrongControlIsRefusedNamingTheControlInTheFormUsed() {
        InvalidTaxIdException letter = assertThrows(InvalidTaxIdException.class, () -> TaxId.of("F1234567E"));
        InvalidTaxIdException digit = assertThrows(InvalidTaxIdException.class, () -> TaxId.of("F12345675"));
        assertAll(() -> assertEquals(TaxId.Problem.CONTROL, letter.getProblem()),
                () -> assertEquals("D", letter.getExpectedControl()),
                () -> assertEquals(TaxId.Problem.CONTROL, digit.getProblem()),
                () -> assertEquals("4", digit.getExpectedControl()));
    }

    @Test
    void entityControlDigitZeroMapsToZeroOrJ() {
        assertEquals(TaxId.Kind.ENTITY, TaxId.of("A" + DIGITS_CONTROL_ZERO + "0").kind());
        assertEquals(TaxId.Kind.ENTITY, TaxId.of("Q" + DIGITS_CONTROL_ZERO + "J").kind());
        assertEquals(TaxId.Kind.ENTITY, TaxId.of("F" + DIGITS_CONTROL_ZERO + "J").kind());
        assertEquals(TaxId.Kind.ENTITY, TaxId.of("F" + DIGITS_CONTROL_ZERO + "0").kind());
    }

    @ParameterizedTest
    @ValueSource(strings = { "K", "L", "M" })
    void klmPersonalNifWithMod23LetterIsAccepted(String first) {
        TaxId id = TaxId.of(first + "1234567L");
        assertEquals(TaxId.Kind.OTHER_PERSON, id.kind());
    }

    @Test
    void klmPersonalNifWithWrongLetterIsRefusedNamingTheExpectedLetter() {
        InvalidTaxIdException e = assertThrows(InvalidTaxIdException.class, () -> TaxId.of("M1234567D"));
        assertEquals(TaxId.Problem.CONTROL, e.getProblem());
        assertEquals("L", e.getExpectedControl());
    }

    @Test
    void inputIsTrimmedUpperCasedAndStrippedOfSpacesHyphensAndDots() {
        assertAll(() -> assertEquals(DNI, TaxId.of("  87.654.321-x ").value()),
                () -> assertEquals(NIE_X, TaxId.of("x-1234567-l").value()),
                () -> assertEquals("B12345674", TaxId.of("b 1234567 4").value()),
                () -> assertEquals(K_NIF, TaxId.of("\tk1234567l\n").value()));
    }

    @Test
    void leadingEsCountryPrefixIsDropped() {
        assertEquals("B12345674", TaxId.of("ESB12345674").value());
        assertEquals(DNI, TaxId.of("es 87654321X").value());
        assertEquals(NIE_Z, TaxId.of("ES-Z1234567R").value());
    }

    @Test
    void countryPrefixAloneIsABadShape() {
        assertEquals(Optional.of(TaxId.Problem.FORMAT), TaxId.check("ES"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "7654321X", // DNI with seven digits
            "876543210X", // DNI with nine digits
            "876543210", // DNI without letter
            "87654321Ñ", // control outside A-Z
            "X12345678L", // NIE with eight digits
            "X123456L", // NIE with six digits
            "I1234567D", // I is not a NIF first letter
            "T1234567D", // nor is T
            "B123456", // entity too short
            "B123456789", // entity too long
            "ABCDEFGHI", "B12345/74", "1234" })
    void textNotShapedLikeAnyTaxIdIsAFormatProblem(String text) {
        assertEquals(Optional.of(TaxId.Problem.FORMAT), TaxId.check(text));
        assertNull(TaxId.expectedControl(text));
        InvalidTaxIdException e = assertThrows(InvalidTaxIdException.class, () -> TaxId.of(text));
        assertEquals(TaxId.Problem.FORMAT, e.getProblem());
        assertNull(e.getExpectedControl());
        assertTrue(e.getMessage().endsWith(" does not have the shape of a Spanish tax id (NIF, NIE or CIF)."),
                e.getMessage());
    }

    @Test
    void formatMessageNamesTheNormalisedValue() {
        InvalidTaxIdException e = assertThrows(InvalidTaxIdException.class, () -> TaxId.of("i-1234567-d"));
        assertEquals("I1234567D does not have the shape of a Spanish tax id (NIF, NIE or CIF).", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "\t\n" })
    void blankTextIsAnEmptyProblem(String text) {
        assertEquals(Optional.of(TaxId.Problem.EMPTY), TaxId.check(text));
        InvalidTaxIdException e = assertThrows(InvalidTaxIdException.class, () -> TaxId.of(text));
        assertEquals(TaxId.Problem.EMPTY, e.getProblem());
        assertEquals("The tax id is missing.", e.getMessage());
    }

    @Test
    void nullIsAnEmptyProblem() {
        assertEquals(Optional.of(TaxId.Problem.EMPTY), TaxId.check(null));
        assertNull(TaxId.expectedControl(null));
        InvalidTaxIdException e = assertThrows(InvalidTaxIdException.class, () -> TaxId.of(null));
        assertEquals(TaxId.Problem.EMPTY, e.getProblem());
        assertNull(e.getValue());
        assertNull(e.getExpectedControl());
    }

    @Test
    void expectedControlIsGivenForWellShapedValuesWhetherRightOrWrong() {
        assertEquals("X", TaxId.expectedControl(DNI));
        assertEquals("X", TaxId.expectedControl("87654321B"));
        assertEquals("T", TaxId.expectedControl(DNI_LEADING_ZEROS));
        assertEquals("D", TaxId.expectedControl("S12345670"));
        assertEquals("4", TaxId.expectedControl("B1234567Z"));
    }

    @Test
    void equalityHashCodeAndToStringUseTheNormalisedValue() {
        TaxId a = TaxId.of("87654321x");
        TaxId b = TaxId.of("87.654.321-X");
        assertAll(() -> assertEquals(a, b), () -> assertEquals(a.hashCode(), b.hashCode()),
                () -> assertEquals(DNI, a.toString()), () -> assertNotEquals(a, TaxId.of(NIE_X)),
                () -> assertNotEquals(a, DNI));
    }
}
