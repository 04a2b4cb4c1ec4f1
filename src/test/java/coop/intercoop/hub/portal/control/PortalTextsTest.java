package coop.intercoop.hub.portal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What the portal shows by a code has a text in Spanish (the base bundle) and in English: every chart template, and
 * every audit event the code records, found in the sources so a new event without a label fails here.
 */
class PortalTextsTest {

    private static final List<String> BUNDLES = List.of("messages.properties", "messages_en.properties");

    /**
     * {@code .record(org, "action", ...)} and {@code .recordAs(actor, org, "action", ...)}, or a variable there. A call
     * that records an event and its action; the arguments before it may call methods ({@code tenant.id()}) but the
     * match never runs past the call's parenthesis (a record's accessor {@code field.record()} is no such call).
     */
    private static final Pattern RECORD = Pattern.compile(
            "\\.record\\(\\s*[^,()]*(?:\\([^()]*\\)[^,()]*)*,\\s*(\"[^\"]*\"|\\w+)|\\.recordAs\\(\\s*[^,()]*(?:\\([^()]*\\)[^,()]*)*,\\s*[^,()]*(?:\\([^()]*\\)[^,()]*)*,\\s*(\"[^\"]*\"|\\w+)");

    /** A literal that reads as an audit action, e.g. {@code "login.throttled"}. */
    private static final Pattern ACTION = Pattern.compile("\"([a-z]+(?:-[a-z]+)*\\.[a-z]+(?:-[a-z]+)*)\"");

    @Test
    void everyChartTemplateHasALabelInBothLanguages() throws IOException {
        Set<String> templates = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("config/charts"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .forEach(n -> templates.add(n.substring(0, n.length() - 4)));
        }
        assertTrue(templates.contains("pgc-cooperativas"), templates.toString());
        for (String bundle : BUNDLES) {
            Properties texts = bundle(bundle);
            assertEquals(Set.of(), missing(templates, "chart.template.", texts), bundle);
        }
    }

    @Test
    void everyRecordedAuditEventHasALabelInBothLanguages() throws IOException {
        Set<String> actions = recordedActions();
        assertTrue(
                actions.containsAll(Set.of("login", "login.throttled", "membership.changed",
                        "accounting.project-deleted", "accounting.account-deleted", "accounting.grant-changed")),
                actions.toString());
        for (String bundle : BUNDLES) {
            Properties texts = bundle(bundle);
            assertEquals(Set.of(), missing(actions, "audit.event.", texts), bundle);
        }
    }

    /**
     * The action of every call that records an event; where a call passes a variable, the action-like literals of its
     * file (in {@code Logins}, the throttled actions handed to the method that records them).
     */
    private static Set<String> recordedActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            String text = Files.readString(source);
            Matcher call = RECORD.matcher(text);
            boolean variable = false;
            while (call.find()) {
                String argument = call.group(1) != null ? call.group(1) : call.group(2);
                if (argument.startsWith("\"")) {
                    actions.add(argument.substring(1, argument.length() - 1));
                } else {
                    variable = true;
                }
            }
            if (variable) {
                Matcher literal = ACTION.matcher(text);
                while (literal.find()) {
                    actions.add(literal.group(1));
                }
            }
        }
        return actions;
    }

    private static Set<String> missing(Set<String> codes, String prefix, Properties texts) {
        Set<String> missing = new TreeSet<>();
        for (String code : codes) {
            if (!texts.containsKey(prefix + code)) {
                missing.add(prefix + code);
            }
        }
        return missing;
    }

    private static Properties bundle(String name) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = PortalTextsTest.class.getResourceAsStream("/coop/intercoop/hub/portal/" + name)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
