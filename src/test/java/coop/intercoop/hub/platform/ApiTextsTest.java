package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

import org.junit.jupiter.api.Test;

class ApiTextsTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private static HttpHeaders acceptable(List<Locale> languages, RuntimeException failure) {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(),
                new Class<?>[] { HttpHeaders.class }, (proxy, method, arguments) -> {
                    if (failure != null) {
                        throw failure;
                    }
                    return languages;
                });
    }

    @Test
    void theFirstLanguageTheApiSpeaksWins() {
        assertEquals(SPANISH, ApiTexts.language(List.of(Locale.forLanguageTag("es-ES"), Locale.ENGLISH)));
        assertEquals(Locale.ENGLISH, ApiTexts.language(List.of(Locale.FRENCH, Locale.forLanguageTag("en-GB"))));
        assertEquals(SPANISH, ApiTexts.language(List.of(Locale.FRENCH, Locale.forLanguageTag("es"))));
    }

    @Test
    void englishWhenNothingIsAskedForOrTheApiSpeaksNoneOfIt() {
        assertEquals(Locale.ENGLISH, ApiTexts.language(List.of()));
        assertEquals(Locale.ENGLISH, ApiTexts.language(List.of(Locale.GERMAN)));
        assertEquals(Locale.ENGLISH, Problems.language(null));
    }

    @Test
    void aMalformedAcceptLanguageFallsBackToEnglishRatherThanFailingTheAnswer() {
        assertEquals(Locale.ENGLISH, Problems.language(acceptable(null, new IllegalArgumentException("bad header"))));
        assertEquals(SPANISH, Problems.language(acceptable(List.of(SPANISH), null)));
    }

    @Test
    void everyEnglishTextHasItsSpanishOne() throws java.io.IOException {
        java.util.Properties english = new java.util.Properties();
        java.util.Properties spanish = new java.util.Properties();
        try (var in = ApiTexts.class.getResourceAsStream("problems.properties");
                var es = ApiTexts.class.getResourceAsStream("problems_es.properties")) {
            english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            spanish.load(new java.io.InputStreamReader(es, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(new java.util.TreeSet<>(english.stringPropertyNames()),
                new java.util.TreeSet<>(spanish.stringPropertyNames()));
        assertEquals("El campo 'year' debe ser un número entero, sin comillas y sin decimales.",
                ApiTexts.format(SPANISH, "json.integer", "year"));
    }
}
