package coop.intercoop.hub.accounting.entity;

import coop.intercoop.hub.platform.HubTexts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import coop.intercoop.hub.platform.ConfigCsv;

/**
 * Where each account of groups 8 and 9 (expenses and income recognised directly in equity) is closed at year end: in
 * the Spanish plans (quinta parte, definiciones y relaciones contables) every such account is closed against the
 * subgroup 13 account its definition names, e.g. 940 Ingresos de subvenciones oficiales de capital against 130
 * Subvenciones oficiales de capital. Read from a file of lines {@code account;counterpart}:
 * <ul>
 * <li>{@code account}: a code prefix of groups 8 or 9; the longest prefix that begins an account's code rules it.</li>
 * <li>{@code counterpart}: the subgroup 13 account it is closed against, or for subgroups 85 and 95 (actuarial gains
 * and losses) 115, the reserve their definitions name; empty when the definition leaves it to the item (the tax effect
 * of 830, 833 and 838 goes to the 13 account of the item it is the effect of), so its balance is refused at closing and
 * transferred by an entry.</li>
 * </ul>
 * The balance goes to {@code counterpart} followed by the digits the account adds to its rule's prefix when that is a
 * posting account (9400 to 1300 under the rule 940 to 130, as the ESFL plan divides 130 into 1300 and 1301), otherwise
 * to {@code counterpart} itself when it is a posting account; a counterpart divided into subaccounts none of which
 * matches is refused rather than guessed.
 */
public record EquityTransfers(String template, List<Rule> rules) {

    public static final String HEADER = "account;counterpart";

    /** One line of the file; {@code counterpart} is null when the transfer is left to an entry. */
    public record Rule(String prefix, String counterpart) {
    }

    /** Where an account's balance goes: {@code counterpart}, or else {@code refusal} saying why it cannot go. */
    public record Transfer(String account, String counterpart, HubTexts.Text refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    public static EquityTransfers none(String template) {
        return new EquityTransfers(template, List.of());
    }

    /**
     * @param where
     *            the file name, for messages
     *
     * @throws InvalidClosingFileException
     *             naming the line that breaks the format
     */
    public static EquityTransfers parse(String template, String where, List<String> text) {
        List<Rule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigCsv.Row row : ConfigCsv.rows(where, text, HEADER, InvalidClosingFileException::new)) {
            String place = row.place();
            String[] fields = row.text().split(";", -1);
            if (fields.length != 2) {
                throw new InvalidClosingFileException(place, "needs the fields " + HEADER);
            }
            String prefix = fields[0].strip();
            String counterpart = fields[1].strip();
            if (!prefix.matches("[89][0-9]{0,11}")) {
                throw new InvalidClosingFileException(place, "'" + prefix + "' is not a code of group 8 or 9");
            }
            if (!seen.add(prefix)) {
                throw new InvalidClosingFileException(place, "repeats the account " + prefix);
            }
            if (!counterpart.isEmpty() && !isCounterpartOf(prefix, counterpart)) {
                throw new InvalidClosingFileException(place, "the counterpart '" + counterpart
                        + "' is not an account of subgroup 13" + (isActuarial(prefix) ? " or of 115" : ""));
            }
            rules.add(new Rule(prefix, counterpart.isEmpty() ? null : counterpart));
        }
        return new EquityTransfers(template, List.copyOf(rules));
    }

    /**
     * Subgroup 13 for every account of groups 8 and 9, and 115 Reservas por pérdidas y ganancias actuariales y otros
     * ajustes for those of subgroups 85 and 95: PGC 2007 and PGC ESFL, quinta parte, definitions of 850, 851, 950 and
     * 951, the only accounts of groups 8 and 9 closed against a reserve rather than against subgroup 13.
     */
    static boolean isCounterpartOf(String prefix, String counterpart) {
        return counterpart.matches("13[0-9]{1,10}") || isActuarial(prefix) && counterpart.matches("115[0-9]{0,9}");
    }

    private static boolean isActuarial(String prefix) {
        return prefix.startsWith("85") || prefix.startsWith("95");
    }

    /** The rule of the longest prefix that begins {@code account}. */
    public Optional<Rule> ruleOf(String account) {
        Rule found = null;
        for (Rule rule : rules) {
            if (account.startsWith(rule.prefix())
                    && (found == null || rule.prefix().length() > found.prefix().length())) {
                found = rule;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Where the balance of {@code account} goes at closing.
     *
     * @param postingAccounts
     *            the organisation's posting accounts of subgroup 13 and of 115 (more do no harm)
     */
    public Transfer transferOf(String account, Set<String> postingAccounts) {
        Optional<Rule> found = ruleOf(account);
        if (found.isEmpty()) {
            return new Transfer(account, null,
                    new HubTexts.Text(InvalidEntryException.REFUSALS, "close.transfer.no-rule", account, template));
        }
        Rule rule = found.get();
        if (rule.counterpart() == null) {
            return new Transfer(account, null,
                    new HubTexts.Text(InvalidEntryException.REFUSALS, "close.transfer.tax-effect", account));
        }
        String mirrored = rule.counterpart() + account.substring(rule.prefix().length());
        if (postingAccounts.contains(mirrored)) {
            return new Transfer(account, mirrored, null);
        }
        if (postingAccounts.contains(rule.counterpart())) {
            return new Transfer(account, rule.counterpart(), null);
        }
        return new Transfer(account, null, new HubTexts.Text(InvalidEntryException.REFUSALS,
                "close.transfer.no-subaccount", account, rule.counterpart(), mirrored));
    }

    /** A closing-rules file that breaks the format: an installation error, reported with its file and line. */
    public static class InvalidClosingFileException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public InvalidClosingFileException(String where, String problem) {
            super("Closing rules " + where + ": " + problem);
        }
    }
}
