package coop.intercoop.hub.accounting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import coop.intercoop.hub.accounting.entity.AccountKind;
import coop.intercoop.hub.accounting.entity.EquityTransfers;

/** The real closing rules of {@code config/closing} against the real charts of {@code config/charts}. */
class ClosingRulesTest {

    private final ClosingRules closing = new ClosingRules("config/closing");
    private static final ChartTemplates CHARTS = new ChartTemplates("config/charts");

    static List<String> templates() {
        return CHARTS.names();
    }

    /**
     * The charts whose plan has groups 8 and 9: not the PGC PYMES, whose cuadro de cuentas has none, nor the
     * cooperatives' chart built on it (Orden EHA/3360/2010 creates no account of those groups).
     */
    static List<String> templatesWithGroups8And9() {
        return CHARTS.names().stream().filter(template -> chart(template).containsKey("8")).toList();
    }

    private static Map<String, AccountKind> chart(String template) {
        return CHARTS.read(template).stream()
                .collect(Collectors.toMap(ChartTemplates.Line::code, ChartTemplates.Line::kind));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyChartTemplateHasClosingRulesExactlyWhenItsPlanHasGroups8And9(String template) {
        assertEquals(template, closing.read(template).template());
        assertEquals(!chart(template).containsKey("8"), closing.read(template).rules().isEmpty(),
                "closing rules of " + template);
    }

    @Test
    void thePymesPlanAndTheCooperativesHaveNoGroups8And9AndSoNoClosingRules() {
        assertEquals(List.of("pgc-esfl", "pgc-pymesfl"), templatesWithGroups8And9());
        assertEquals(List.of(), closing.read("pgc-pymes-2007").rules());
        assertEquals(List.of(), closing.read("pgc-cooperativas").rules());
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyPrefixAndCounterpartIsAnAccountOfTheChart(String template) {
        Map<String, AccountKind> chart = chart(template);
        String missing = closing.read(template).rules().stream()
                .flatMap(r -> r.counterpart() == null ? java.util.stream.Stream.of(r.prefix())
                        : java.util.stream.Stream.of(r.prefix(), r.counterpart()))
                .filter(code -> !chart.containsKey(code)).distinct().collect(Collectors.joining(", "));
        assertEquals("", missing, "accounts of config/closing/" + template + ".csv missing from its chart");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyPostingAccountOfGroups8And9IsRuled(String template) {
        EquityTransfers rules = closing.read(template);
        String unruled = chart(template).entrySet().stream().filter(e -> e.getValue() == AccountKind.POSTING)
                .filter(e -> e.getKey().startsWith("8") || e.getKey().startsWith("9")).map(Map.Entry::getKey)
                .filter(code -> rules.ruleOf(code).isEmpty()).sorted().collect(Collectors.joining(", "));
        assertEquals("", unruled, "posting accounts of groups 8 and 9 of " + template + " without a closing rule");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyRuledCounterpartReachesAPostingAccountOfSubgroup13OrForActuarialGainsAndLosses115(String template) {
        Map<String, AccountKind> chart = chart(template);
        Set<String> posting13 = chart.entrySet().stream()
                .filter(e -> e.getValue() == AccountKind.POSTING && e.getKey().startsWith("13")).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Set<String> posting115 = chart.entrySet().stream()
                .filter(e -> e.getValue() == AccountKind.POSTING && e.getKey().startsWith("115")).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        String unreachable = closing.read(template).rules().stream().filter(r -> r.counterpart() != null).filter(r -> {
            Set<String> allowed = r.prefix().startsWith("85") || r.prefix().startsWith("95") ? posting115 : posting13;
            return !allowed.contains(r.counterpart())
                    && allowed.stream().noneMatch(code -> code.startsWith(r.counterpart()));
        }).map(r -> r.prefix() + "->" + r.counterpart()).collect(Collectors.joining(", "));
        assertEquals("", unreachable);
    }

    @Test
    void theEsflChartClosesEachSubjectOfGroups8And9AgainstItsOwnEquityAccount() {
        Map<String, AccountKind> chart = chart("pgc-esfl");
        Set<String> equity = chart.entrySet().stream().filter(e -> e.getValue() == AccountKind.POSTING)
                .filter(e -> e.getKey().startsWith("13") || e.getKey().startsWith("115")).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        EquityTransfers rules = closing.read("pgc-esfl");
        Map<String, String> expected = Map.ofEntries(Map.entry("800", "133"), Map.entry("902", "133"),
                Map.entry("891", "133"), Map.entry("994", "133"), Map.entry("810", "1340"), Map.entry("912", "1340"),
                Map.entry("811", "1341"), Map.entry("913", "1341"), Map.entry("820", "135"), Map.entry("921", "135"),
                Map.entry("850", "115"), Map.entry("951", "115"), Map.entry("860", "136"), Map.entry("962", "136"));
        String wrong = expected.entrySet().stream()
                .filter(e -> !e.getValue().equals(rules.transferOf(e.getKey(), equity).counterpart()))
                .map(e -> e.getKey() + "->" + rules.transferOf(e.getKey(), equity).counterpart()).sorted()
                .collect(Collectors.joining(", "));
        assertEquals("", wrong);
    }

    @ParameterizedTest
    @MethodSource("templatesWithGroups8And9")
    void subsidiesCloseAgainstTheirSubgroup13Accounts(String template) {
        Map<String, AccountKind> chart = chart(template);
        Set<String> posting13 = chart.entrySet().stream()
                .filter(e -> e.getValue() == AccountKind.POSTING && e.getKey().startsWith("13")).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        EquityTransfers rules = closing.read(template);
        String state = posting13.contains("130") ? "130" : "1300";
        assertEquals(state, rules.transferOf("9400", posting13).counterpart());
        assertEquals("131", rules.transferOf("941", posting13).counterpart());
        assertEquals("131", rules.transferOf("841", posting13).counterpart());
        assertEquals("1370", rules.transferOf("834", posting13).counterpart());
        assertEquals("1371", rules.transferOf("837", posting13).counterpart());
        assertEquals(true, rules.transferOf("8301", posting13).refused());
    }

    /**
     * Where the chart divides 130 into 1300 and 1301, it divides 840 and 940 the same way, so that every account of
     * groups 8 and 9 whose rule names a counterpart reaches a posting account at closing; only the tax effect the rules
     * leave to an entry is refused.
     */
    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl" })
    void everyAccountOfGroups8And9ClosesUnlessItsRuleLeavesItToAnEntry(String template) {
        Map<String, AccountKind> chart = chart(template);
        Set<String> equity = chart.entrySet().stream().filter(e -> e.getValue() == AccountKind.POSTING)
                .filter(e -> e.getKey().startsWith("13") || e.getKey().startsWith("115")).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        EquityTransfers rules = closing.read(template);
        String refused = chart.entrySet().stream().filter(e -> e.getValue() == AccountKind.POSTING)
                .map(Map.Entry::getKey).filter(code -> code.startsWith("8") || code.startsWith("9"))
                .filter(code -> rules.ruleOf(code).orElseThrow().counterpart() != null)
                .filter(code -> rules.transferOf(code, equity).refused()).sorted().collect(Collectors.joining(", "));
        assertEquals("", refused);
        assertEquals("1300", rules.transferOf("8400", equity).counterpart());
        assertEquals("1301", rules.transferOf("9401", equity).counterpart());
    }
}
