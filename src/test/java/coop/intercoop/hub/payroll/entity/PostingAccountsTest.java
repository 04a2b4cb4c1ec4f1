package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.PayrollTables;
import coop.intercoop.hub.payroll.entity.PostingAccounts.Concept;
import coop.intercoop.hub.platform.ConfigCsv;

class PostingAccountsTest {

    private static final PostingAccounts INSTALLED = new PayrollTables("config/payroll").postingAccounts();

    /** Every chart template a chart may be built from has every concept, in a posting account of that template. */
    @Test
    void everyChartTemplatePostsEachConceptToOneOfItsPostingAccounts() throws IOException {
        Set<String> templates;
        try (Stream<Path> files = Files.list(Path.of("config/charts"))) {
            templates = Set.copyOf(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .map(n -> n.substring(0, n.length() - 4)).toList());
        }
        assertEquals(templates, INSTALLED.charts());
        for (String chart : templates) {
            Map<String, String> posting = postingAccounts(chart);
            Map<Concept, PostingAccounts.Account> accounts = INSTALLED.of(chart).orElseThrow();
            for (Concept concept : Concept.values()) {
                String code = accounts.get(concept).code();
                assertTrue(posting.containsKey(code), chart + " has no posting account " + code + " for " + concept);
            }
        }
    }

    /** RD 1515/2007, quinta parte: 640 pay, 642 and 476 contributions, 4751 withholdings, 465 pay owed. */
    @Test
    void thePgcPymesAccountsAreThoseItsDefinitionsName() {
        Map<Concept, PostingAccounts.Account> pymes = INSTALLED.of("pgc-pymes-2007").orElseThrow();
        assertEquals("640", pymes.get(Concept.GROSS_PAY).code());
        assertEquals("642", pymes.get(Concept.EMPLOYER_CONTRIBUTIONS).code());
        assertEquals("476", pymes.get(Concept.SOCIAL_SECURITY_PAYABLE).code());
        assertEquals("4751", pymes.get(Concept.WITHHOLDING_PAYABLE).code());
        assertEquals("465", pymes.get(Concept.NET_PAY).code());
        assertEquals("460", pymes.get(Concept.ADVANCES).code());
        assertEquals("471", pymes.get(Concept.BENEFIT_ADVANCED).code());
        assertEquals(Source.Status.VERIFIED, pymes.get(Concept.GROSS_PAY).source().status());
        assertEquals(Source.Status.DERIVED,
                INSTALLED.of("pgc-esfl").orElseThrow().get(Concept.GROSS_PAY).source().status());
        assertTrue(INSTALLED.of("no-such-plan").isEmpty());
    }

    @Test
    void aMalformedOrIncompleteFileIsRefusedNamingTheLine() {
        assertEquals("p.csv:2: there is no concept 'salary'", refused("pgc-pymes-2007;salary;640;verified;x"));
        assertEquals("p.csv:2: the account is a code of 3 to 12 digits, not '64A'",
                refused("pgc-pymes-2007;gross-pay;64A;verified;x"));
        assertEquals("p.csv:2: needs the fields chart;concept;account;status;source",
                refused("pgc-pymes-2007;gross-pay;640"));
        assertEquals("p.csv:3: the concept gross-pay of c is given twice",
                refused("c;gross-pay;640;verified;x", "c;gross-pay;641;verified;x"));
        assertEquals("p.csv:2: the chart c has no account for compensation", refused("c;gross-pay;640;verified;x"));
    }

    private static String refused(String... rows) {
        List<String> text = Stream.concat(Stream.of(PostingAccounts.HEADER), Stream.of(rows)).toList();
        return assertThrows(PayrollRulesFileException.class,
                () -> PostingAccounts
                        .parse(ConfigCsv.rows("p.csv", text, PostingAccounts.HEADER, PayrollRulesFileException::new)))
                                .getMessage();
    }

    /** The posting accounts of a chart template, by code: {@code code;name;group;nature;kind}. */
    private static Map<String, String> postingAccounts(String chart) throws IOException {
        Map<String, String> posting = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("config/charts", chart + ".csv"), StandardCharsets.UTF_8)) {
            String[] fields = line.split(";");
            if (!line.startsWith("#") && fields.length == 5 && "POSTING".equals(fields[4].strip())) {
                posting.put(fields[0].strip(), fields[1]);
            }
        }
        return posting;
    }
}
