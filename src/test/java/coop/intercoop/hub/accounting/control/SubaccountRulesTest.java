package coop.intercoop.hub.accounting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.Refusals;

/** The chart's rules for new subaccounts, against a chart held in memory. */
class SubaccountRulesTest {

    /** A piece of a chart: the subgroup 57, the account 572 (posting), 629 (posted in 2025) and an own 5720001. */
    static final class Chart implements SubaccountRules.Chart {
        final Map<String, Entry> accounts = new HashMap<>();
        final Map<String, Integer> posted = new HashMap<>();

        Chart() {
            accounts.put("5", new Entry("5", false, false, null));
            accounts.put("57", new Entry("57", false, false, "5"));
            accounts.put("572", new Entry("572", true, false, "57"));
            accounts.put("62", new Entry("62", false, false, "6"));
            accounts.put("629", new Entry("629", true, false, "62"));
            accounts.put("4300001", new Entry("4300001", true, true, "430"));
            posted.put("629", 2025);
        }

        @Override
        public Entry account(String code) {
            return accounts.get(code);
        }

        @Override
        public Integer postedInOpenYear(String code) {
            return posted.get(code);
        }

        @Override
        public boolean exists() {
            return !accounts.isEmpty();
        }
    }

    private final Chart chart = new Chart();
    private final SubaccountRules rules = new SubaccountRules(chart);

    private List<String> refused(String code) {
        Refusals refusals = new Refusals();
        SubaccountRules.Accepted accepted = rules.check(code, refusals);
        if (accepted != null) {
            rules.add(accepted);
        }
        return refusals.all().stream().map(HubException::key).toList();
    }

    @Test
    void aSubaccountExtendsTheLongestCodeOfTheChartThatBeginsIt() {
        Refusals refusals = new Refusals();
        assertEquals(new SubaccountRules.Accepted("5720001", "572"), rules.check(" 5720001 ", refusals));
        assertEquals(List.of(), refusals.all());
    }

    @Test
    void aMalformedCodeIsRefusedByTheChartsCodeRule() {
        assertEquals(List.of("account.code.digits"), refused("572.0001"));
        assertEquals(List.of("account.code.zero"), refused("0572001"));
        assertEquals(List.of(), refused("572000000001"));
        assertEquals(List.of("account.code.long"), refused("5720000000001"));
    }

    @Test
    void anExistingCodeIsRefused() {
        assertEquals(List.of("account.exists"), refused("572"));
    }

    @Test
    void aCodeNoAccountBeginsIsRefusedAndAnEmptyChartSaysSo() {
        assertEquals(List.of("account.no-parent"), refused("8000001"));
        chart.accounts.clear();
        assertEquals(List.of("account.no-chart"), refused("5720001"));
    }

    @Test
    void aSubaccountDoesNotHangFromASubgroupButAThreeDigitAccountMay() {
        assertEquals(List.of("account.under-subgroup"), refused("5790001"));
        assertEquals(List.of(), refused("579"));
    }

    @Test
    void anOwnSubaccountIsNotExtendedAndTheMessageNamesTheChartsAccount() {
        Refusals refusals = new Refusals();
        assertNull(rules.check("43000011", refusals));
        assertEquals("43000011 would extend 4300001, which is itself a subaccount; extend the chart's account 430 "
                + "instead.", refusals.all().get(0).message(Locale.ENGLISH));
    }

    @Test
    void aCodeThatExtendsOneAddedEarlierInTheSameRunIsRefusedAsExtendingASubaccount() {
        assertEquals(List.of(), refused("5720001"));
        assertEquals(List.of("account.exists"), refused("5720001"));
        Refusals refusals = new Refusals();
        assertNull(rules.check("57200011", refusals));
        assertEquals("account.sub.of-sub", refusals.all().get(0).key());
        assertEquals("57200011 would extend 5720001, which is itself a subaccount; extend the chart's account 572 "
                + "instead.", refusals.all().get(0).message(Locale.ENGLISH));
    }

    @Test
    void aPostingAccountWithPostingsInAnOpenYearKeepsItsPlaceAndOneWithoutMayBeExtended() {
        assertEquals(List.of("account.posted-parent"), refused("6290001"));
        chart.posted.clear();
        assertEquals(List.of(), refused("6290001"));
    }

    @Test
    void aCodeCheckedButNotAddedDoesNotCountForTheNext() {
        Refusals refusals = new Refusals();
        rules.check("5720001", refusals);
        assertEquals(List.of(), refused("5720001"));
    }
}
