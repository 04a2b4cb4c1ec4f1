package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every channel's sentences: arguments in the reader's notation, and bundles that say the same in both languages. */
class HubTextsTest {

    private static final String ACCOUNTING = "coop.intercoop.hub.accounting.refusals";
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @Test
    void decimalsKeepEveryDigitInTheReadersNotation() {
        assertEquals("1.794,01", HubTexts.decimal(new BigDecimal("1794.01"), HubTexts.SPANISH));
        assertEquals("1,794.01", HubTexts.decimal(new BigDecimal("1794.01"), Locale.ENGLISH));
        assertEquals("-18,505", HubTexts.decimal(new BigDecimal("-18.505"), HubTexts.SPANISH));
        assertEquals("1,005", HubTexts.decimal(new BigDecimal("1.005"), HubTexts.SPANISH));
        assertEquals("0.0001", HubTexts.decimal(new BigDecimal("0.0001"), Locale.ENGLISH));
        assertEquals("1.234.567.890,12", HubTexts.decimal(new BigDecimal("1234567890.12"), HubTexts.SPANISH));
        assertEquals("60", HubTexts.decimal(new BigDecimal("6E+1"), HubTexts.SPANISH));
    }

    @Test
    void datesAreWrittenAsThePortalShowsThem() {
        assertEquals("El ejercicio 2025 ya está cerrado.",
                HubTexts.format(ACCOUNTING, HubTexts.SPANISH, "year.closed.already", 2025));
        assertEquals("No open fiscal year of this organisation contains 29/02/2028; open its fiscal year first.",
                HubTexts.format(ACCOUNTING, Locale.ENGLISH, "year.none", LocalDate.of(2028, 2, 29)));
    }

    @Test
    void aPartThatIsItselfATextIsWrittenInTheSentencesLanguage() {
        HubTexts.Text project = new HubTexts.Text(ACCOUNTING, "dimension.PROJECT");
        assertEquals("Línea 3: esta organización no tiene proyecto P-9.",
                HubTexts.format(ACCOUNTING, HubTexts.SPANISH, "line.analytic.unknown", 3, project, "P-9"));
        assertEquals("Line 3: this organisation has no project P-9.",
                HubTexts.format(ACCOUNTING, Locale.ENGLISH, "line.analytic.unknown", 3, project, "P-9"));
        assertEquals("a; b", HubTexts.argument(List.of("a", "b"), Locale.ENGLISH));
    }

    @Test
    void anUnknownLanguageIsEnglishAndAMissingTextIsTheHubsMistake() {
        assertEquals(Locale.ENGLISH, HubTexts.language(Locale.GERMAN));
        assertEquals(Locale.ENGLISH, HubTexts.language(null));
        assertEquals(HubTexts.SPANISH, HubTexts.language(Locale.forLanguageTag("es-MX")));
        assertThrows(IllegalStateException.class, () -> HubTexts.format(ACCOUNTING, Locale.ENGLISH, "no.such.key"));
    }

    /**
     * Each bundle of sentences has every key in both languages, with the same arguments, and each sentence is a valid
     * pattern: a refusal can never reach a reader as a key, or lose an argument, in one of the languages.
     */
    @Test
    void everyBundleSaysTheSameInBothLanguages() throws IOException {
        Path resources = Path.of("src/main/resources");
        List<Path> bases;
        try (Stream<Path> files = Files.walk(resources)) {
            bases = files.filter(f -> f.toString().endsWith(".properties") && !f.toString().contains("META-INF"))
                    .filter(f -> !f.getFileName().toString().matches(".*_[a-z]{2}\\.properties")).toList();
        }
        assertTrue(bases.size() >= 6, bases.toString());
        for (Path base : bases) {
            String name = base.getFileName().toString().replace(".properties", "");
            List<Path> written = Stream.of(base, base.resolveSibling(name + "_es.properties"),
                    base.resolveSibling(name + "_en.properties")).filter(Files::exists).filter(f -> {
                        try {
                            return !load(f).isEmpty();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            assertEquals(2, written.size(), "one bundle in each language for " + base + ": " + written);
            Properties one = load(written.get(0));
            Properties other = load(written.get(1));
            assertEquals(new TreeSet<>(one.stringPropertyNames()), new TreeSet<>(other.stringPropertyNames()),
                    "the keys of " + written);
            for (String key : one.stringPropertyNames()) {
                assertEquals(arguments(one.getProperty(key)), arguments(other.getProperty(key)),
                        key + " in " + written);
            }
        }
    }

    private static Set<Integer> arguments(String pattern) {
        new MessageFormat(pattern, Locale.ENGLISH); // refuses a broken pattern
        return argumentsOf(pattern);
    }

    /** The hub's own sentences go through MessageFormat, where a lone apostrophe swallows itself and what follows. */
    @Test
    void theHubsSentencesWriteAnApostropheTwice() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/coop"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("(refusals|problems|imports).*"))
                    .toList()) {
                Properties texts = load(file);
                for (String key : texts.stringPropertyNames()) {
                    String pattern = texts.getProperty(key);
                    assertTrue(!pattern.replace("''", "").contains("'"), key + " in " + file + ": " + pattern);
                }
            }
        }
    }

    private static Set<Integer> argumentsOf(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern.replaceAll("'[^']*'", ""));
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
