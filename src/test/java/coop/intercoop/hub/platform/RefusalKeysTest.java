package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every refusal the code raises is a key its component's texts have: a sentence written where a key belongs, or a key
 * missing from the bundle, would reach a person as a 500. The sources are read for each {@code new …Exception(…)} of a
 * {@link HubException}; each string in it that looks like a key must be a text of one of the hub's bundles, and none
 * may be a sentence.
 */
class RefusalKeysTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern THROWN = Pattern.compile("new ([A-Z]\\w*Exception)\\(");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z]*(?:\\.[a-zA-Z0-9-]+)+");

    @Test
    void everyRefusalRaisedIsAKeyOfTheHubsTexts() throws IOException {
        Map<String, Class<?>> refusals = refusalClasses();
        Properties keys = allKeys();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher thrown = THROWN.matcher(source);
                while (thrown.find()) {
                    // a not-found names a kind of thing ("work centre"), which NotFoundException words itself
                    if (!refusals.containsKey(thrown.group(1)) || thrown.group(1).equals("NotFoundException")) {
                        continue;
                    }
                    String arguments = source.substring(thrown.end(), closing(source, thrown.end()));
                    Matcher string = STRING.matcher(arguments);
                    while (string.find()) {
                        String text = string.group(1);
                        if (text.strip().split("\\s+").length >= 3) {
                            wrong.add(file.getFileName() + ": a sentence where a key belongs: " + text);
                        } else if (KEY.matcher(text).matches() && !keys.containsKey(text)) {
                            wrong.add(file.getFileName() + ": no text " + text);
                        }
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 100, "only " + checked + " refusals read");
        assertEquals(List.of(), wrong);
    }

    /** Where the call opened just before {@code from} closes, skipping the parentheses inside its strings. */
    private static int closing(String source, int from) {
        int depth = 1;
        boolean inString = false;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return source.length();
    }

    private static Map<String, Class<?>> refusalClasses() throws IOException {
        Map<String, Class<?>> found = new HashMap<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace(".class", "").replace('/', '.');
                try {
                    Class<?> type = Class.forName(name, false, RefusalKeysTest.class.getClassLoader());
                    if (HubException.class.isAssignableFrom(type)) {
                        found.put(type.getSimpleName(), type);
                    }
                } catch (ClassNotFoundException | LinkageError notLoadable) {
                    // a class that cannot be loaded without its container is no refusal
                }
            }
        }
        assertTrue(found.size() > 40, found.keySet().toString());
        return found;
    }

    private static Properties allKeys() throws IOException {
        Properties all = new Properties();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/coop"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    Properties one = new Properties();
                    one.load(in);
                    all.putAll(one);
                }
            }
        }
        return all;
    }
}
