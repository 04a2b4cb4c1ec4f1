package coop.intercoop.hub.tenancy.entity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fixtures are made-up codes whose control digits were computed by hand as shown in the comments. Useful powers: 10^2 =
 * 100 = 97 + 3, so 10^2 mod 97 = 3, 10^4 mod 97 = 9, 10^6 mod 97 = 27 and 10^7 mod 97 = 270 mod 97 = 76.
 */
class ContributionAccountCodeTest {

    // 281234567 = 97 x 2899325 + 42 (97 x 2899325 = 281234525).
    private static final String MADRID = "28123456742";
    // 01 0000000 -> 10^7 mod 97 = 76.
    private static final String ALAVA = "01000000076";
    // 52 0000000 -> 52 x 76 = 3952 = 97 x 40 + 72.
    private static final String MELILLA = "52000000072";
    // 09 0000000 -> 9 x 76 = 684 = 97 x 7 + 5, written on two digits: 05.
    private static final String BURGOS = "09000000005";

    @Test
    void codeWithRightControlDigitsIsAccepted() {
        ContributionAccountCode code = ContributionAccountCode.of(MADRID);
        assertAll(() -> assertEquals(MADRID, code.value()), () -> assertEquals("28", code.province()),
                () -> assertEquals(Optional.empty(), ContributionAccountCode.check(MADRID)));
    }

    @ParameterizedTest
    @ValueSource(strings = { ALAVA, MELILLA, BURGOS })
    void firstAndLastProvincesAreAccepted(String text) {
        assertEquals(text, ContributionAccountCode.of(text).value());
    }

    @Test
    void provinceKeepsItsLeadingZero() {
        assertEquals("01", ContributionAccountCode.of(ALAVA).province());
    }

    @Test
    void controlDigitsBelowTenArePaddedWithAZero() {
        assertEquals("05", ContributionAccountCode.expectedControl(BURGOS));
        assertEquals("05", ContributionAccountCode.expectedControl("09000000099"));
    }

    @Test
    void slashesSpacesHyphensAndDotsAreIgnored() {
        assertAll(() -> assertEquals(MADRID, ContributionAccountCode.of("28/1234567/42").value()),
                () -> assertEquals(MADRID, ContributionAccountCode.of(" 28 1234567 42 ").value()),
                () -> assertEquals(MADRID, ContributionAccountCode.of("28-1.234.567-42").value()));
    }

    @Test
    void codeWithWrongControlDigitsIsRefusedNamingTheExpectedDigits() {
        InvalidContributionAccountCodeException e = assertThrows(InvalidContributionAccountCodeException.class,
                () -> ContributionAccountCode.of("28/1234567/24"));
        assertAll(() -> assertEquals(ContributionAccountCode.Problem.CONTROL, e.getProblem()),
                () -> assertEquals("28123456724", e.getValue()), () -> assertEquals("42", e.getExpectedControl()),
                () -> assertEquals("28123456724 is not a valid contribution account code (CCC): "
                        + "its control digits should be 42.", e.getMessage()),
                () -> assertEquals(
                        "28123456724 no es un código de cuenta de cotización (CCC) válido: "
                                + "sus dígitos de control deberían ser 42.",
                        e.message(java.util.Locale.forLanguageTag("es"))));
    }

    @Test
    void swappedDigitsInTheNumberAreCaught() {
        assertEquals(Optional.of(ContributionAccountCode.Problem.CONTROL),
                ContributionAccountCode.check("28213456742"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "00000000000", "53000000053", "66000000066", "99123456700" })
    void codeWithUnknownProvinceIsRefused(String text) {
        assertEquals(Optional.of(ContributionAccountCode.Problem.PROVINCE), ContributionAccountCode.check(text));
        InvalidContributionAccountCodeException e = assertThrows(InvalidContributionAccountCodeException.class,
                () -> ContributionAccountCode.of(text));
        assertEquals(ContributionAccountCode.Problem.PROVINCE, e.getProblem());
        assertNull(e.getExpectedControl());
        assertEquals(text + " is not a valid contribution account code (CCC): its first two digits are not a Spanish "
                + "province code (01 to 52).", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "2812345674", // ten digits (old format)
            "281234567421", // twelve digits (a worker's NAF, not a CCC)
            "28A23456742", "28_1234567_42", "x" })
    void textThatIsNotElevenDigitsIsAFormatProblem(String text) {
        assertEquals(Optional.of(ContributionAccountCode.Problem.FORMAT), ContributionAccountCode.check(text));
        assertNull(ContributionAccountCode.expectedControl(text));
        InvalidContributionAccountCodeException e = assertThrows(InvalidContributionAccountCodeException.class,
                () -> ContributionAccountCode.of(text));
        assertEquals(ContributionAccountCode.Problem.FORMAT, e.getProblem());
    }

    @Test
    void formatMessageNamesTheNormalisedValue() {
        InvalidContributionAccountCodeException e = assertThrows(InvalidContributionAccountCodeException.class,
                () -> ContributionAccountCode.of("28/1234567/4"));
        assertEquals("2812345674 does not have the shape of a contribution account code (CCC): 11 digits, province, "
                + "number and two control digits.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  ", "\t" })
    void blankTextIsAnEmptyProblem(String text) {
        assertEquals(Optional.of(ContributionAccountCode.Problem.EMPTY), ContributionAccountCode.check(text));
        InvalidContributionAccountCodeException e = assertThrows(InvalidContributionAccountCodeException.class,
                () -> ContributionAccountCode.of(text));
        assertEquals(ContributionAccountCode.Problem.EMPTY, e.getProblem());
        assertEquals("The contribution account code (CCC) is missing.", e.getMessage());
    }

    @Test
    void nullIsAnEmptyProblem() {
        assertEquals(Optional.of(ContributionAccountCode.Problem.EMPTY), ContributionAccountCode.check(null));
        assertNull(ContributionAccountCode.expectedControl(null));
        InvalidContributionAccountCodeException e = assertThrows(InvalidContributionAccountCodeException.class,
                () -> ContributionAccountCode.of(null));
        assertEquals(ContributionAccountCode.Problem.EMPTY, e.getProblem());
        assertNull(e.getValue());
    }

    @Test
    void equalityHashCodeAndToStringUseTheNormalisedValue() {
        ContributionAccountCode a = ContributionAccountCode.of("28/1234567/42");
        ContributionAccountCode b = ContributionAccountCode.of("28 1234567 42");
        assertAll(() -> assertEquals(a, b), () -> assertEquals(a.hashCode(), b.hashCode()),
                () -> assertEquals(MADRID, a.toString()), () -> assertNotEquals(a, ContributionAccountCode.of(ALAVA)),
                () -> assertNotEquals(a, MADRID));
    }
}
