package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import coop.intercoop.hub.accounting.boundary.EntriesResource;
import coop.intercoop.hub.accounting.entity.Grant;
import coop.intercoop.hub.security.boundary.TokensResource;

class StrictJsonTest {

    private static final String TOKEN = "{\"username\":\"ana\",\"password\":\"secret\",\"name\":\"x\",\"expiresInDays\":7";

    /** A record, as the output types and future input types are. */
    record Pair(int number, boolean flag, List<String> names) {
    }

    private static InvalidJsonException refused(String json, Type type) {
        return assertThrows(InvalidJsonException.class,
                () -> StrictJson.read(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, type));
    }

    private static void accepted(String json, Type type) {
        assertDoesNotThrow(() -> StrictJson.read(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, type));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1", "0", "\"yes\"", "\"1\"", "\"true\"", "[true]", "{}" })
    void aBooleanThatIsNotTrueOrFalseIsRefusedNamingTheField(String value) {
        InvalidJsonException refusal = refused(TOKEN + ",\"readOnly\":" + value + "}",
                TokensResource.TokenRequest.class);
        assertEquals("readOnly", refusal.field());
        assertEquals("The field 'readOnly' must be true or false, without quotes.", refusal.getMessage());
        assertEquals("El campo 'readOnly' debe ser true o false, sin comillas.",
                refusal.message(Locale.forLanguageTag("es")));
    }

    @Test
    void trueAndFalseAndNullAreBooleans() {
        accepted(TOKEN + ",\"readOnly\":true}", TokensResource.TokenRequest.class);
        accepted(TOKEN + ",\"readOnly\":false}", TokensResource.TokenRequest.class);
        accepted(TOKEN + ",\"readOnly\":null}", TokensResource.TokenRequest.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1.5", "\"7\"", "[7]", "true", "0.15e1" })
    void anIntegerWithAFractionOrInQuotesIsRefused(String value) {
        InvalidJsonException refusal = refused(TOKEN.replace(":7", ":" + value) + "}",
                TokensResource.TokenRequest.class);
        assertEquals("expiresInDays", refusal.field());
        assertTrue(refusal.getMessage().contains("whole number"), refusal.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "1e20", "2147483648", "-2147483649", "1e1000000000" })
    void anIntegerOutsideItsTypeIsRefusedAsOutOfRange(String value) {
        InvalidJsonException refusal = refused(TOKEN.replace(":7", ":" + value) + "}",
                TokensResource.TokenRequest.class);
        assertEquals("expiresInDays", refusal.field());
        assertEquals("The field 'expiresInDays' is out of range.", refusal.getMessage());
    }

    @Test
    void anIntegerWrittenExactlyWithAnExponentOrZeroDecimalsIsThatInteger() {
        accepted(TOKEN.replace(":7", ":7.00") + "}", TokensResource.TokenRequest.class);
        accepted(TOKEN.replace(":7", ":1e2") + "}", TokensResource.TokenRequest.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "[1]", "\"1\"", "\"1.5\"", "true", "{\"value\":1}" })
    void anAmountThatIsNotAJsonNumberIsRefusedNamingItsPath(String value) {
        String entry = "{\"date\":\"2025-01-02\",\"journal\":\"GENERAL\",\"description\":\"d\",\"lines\":["
                + "{\"account\":\"572\",\"debit\":1},{\"account\":\"100\",\"credit\":" + value + "}]}";
        InvalidJsonException refusal = refused(entry, EntriesResource.PostInput.class);
        assertEquals("lines[1].credit", refusal.field());
        assertEquals("The field 'lines[1].credit' must be a number, without quotes.", refusal.getMessage());
    }

    @Test
    void anAmountOfAbsurdMagnitudeIsRefusedBeforeAnyoneComputesWithIt() {
        String grant = "{\"code\":\"G\",\"awarded\":1e1000000000}";
        assertEquals("awarded", refused(grant, Grant.class).field());
    }

    @ParameterizedTest
    @ValueSource(strings = { "5", "true", "[\"a\"]", "{}" })
    void aTextThatIsNotAJsonStringIsRefused(String value) {
        InvalidJsonException refusal = refused("{\"code\":" + value + "}", Grant.class);
        assertEquals("code", refusal.field());
        assertTrue(refusal.getMessage().contains("text in quotes"), refusal.getMessage());
    }

    @Test
    void aListMustBeAnArrayAndItsElementsOfTheirType() {
        assertEquals("budget", refused("{\"budget\":{\"account\":\"64\"}}", Grant.class).field());
        assertEquals("budget[0].amount",
                refused("{\"budget\":[{\"account\":\"64\",\"amount\":\"8000\"}]}", Grant.class).field());
        assertEquals("names[1]", refused("{\"names\":[\"a\",2]}", Pair.class).field());
    }

    @Test
    void recordsAreCheckedByTheirComponents() {
        assertEquals("flag", refused("{\"number\":1,\"flag\":\"true\"}", Pair.class).field());
        assertEquals("number", refused("{\"number\":1.5}", Pair.class).field());
        accepted("{\"number\":1,\"flag\":true,\"names\":[\"a\"]}", Pair.class);
    }

    @Test
    void datesAndEnumsAreStrings() {
        assertEquals("eligibleFrom", refused("{\"eligibleFrom\":20250101}", Grant.class).field());
        accepted("{\"code\":\"G-1\",\"awarded\":8000.50,\"eligibleFrom\":\"2025-01-01\",\"budget\":"
                + "[{\"account\":\"64\",\"amount\":8000}]}", Grant.class);
    }

    @Test
    void anUnknownFieldIsLeftToTheBindingToRefuse() {
        accepted("{\"cdoe\":5}", Grant.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"code\":\"G\"} x", "{\"code\":\"G\"}{}", "{\"code\":\"G\"} 1", "[] []" })
    void contentAfterTheJsonValueIsRefused(String json) {
        InvalidJsonException refusal = refused(json, Grant.class);
        assertEquals(null, refusal.field());
        assertEquals("The request body has something after its JSON value; send exactly one JSON value.",
                refusal.getMessage());
    }

    @Test
    void trailingWhitespaceIsNotContent() {
        accepted("{\"code\":\"G\"}  \r\n\t", Grant.class);
    }

    @Test
    void aDuplicateKeyIsRefusedNamingItsPath() {
        assertEquals("code", refused("{\"code\":\"A\",\"code\":\"B\"}", Grant.class).field());
        assertEquals("budget[1].amount",
                refused("{\"budget\":[{\"amount\":1},{\"amount\":1,\"amount\":2}]}", Grant.class).field());
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = { '{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
        InvalidJsonException refusal = assertThrows(InvalidJsonException.class,
                () -> StrictJson.read(body, StandardCharsets.UTF_8, Grant.class));
        assertEquals("The request body is not valid UTF-8 text.", refusal.getMessage());
    }

    @Test
    void validUtf8TextIsAccepted() {
        accepted("{\"name\":\"Asociación Ñandú €\"}", Grant.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  ", "{\"code\": ", "{code:1}", "{\"code\":'G'}" })
    void malformedJsonIsRefused(String json) {
        assertEquals("The request body is not valid JSON.", refused(json, Grant.class).getMessage());
    }

    @Test
    void nestingBeyondTheParsersLimitIsRefusedQuickly() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        InvalidJsonException refusal = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> refused(deep, Object.class));
        assertEquals("The request body is not valid JSON.", refusal.getMessage());
    }

    @Test
    void rawBodiesAreNotBound() {
        assertEquals(false, StrictJson.binds(String.class));
        assertEquals(false, StrictJson.binds(java.io.InputStream.class));
        assertEquals(true, StrictJson.binds(Grant.class));
    }
}
