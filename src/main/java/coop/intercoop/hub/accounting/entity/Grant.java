package coop.intercoop.hub.accounting.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A grant awarded to the organisation (subvención): the funder, the amount awarded, the period in which expenses are
 * eligible and the budget per expense account group or account (a code prefix of group 6, or 7 for income lines). Also
 * the API's request body, hence a class with public fields.
 */
public class Grant {

    public String code;
    public String name;
    public String funder;
    public BigDecimal awarded;
    public LocalDate eligibleFrom;
    public LocalDate eligibleTo;
    public List<BudgetLine> budget = new ArrayList<>();

    /** The budget of one account group or account, e.g. 64 (personnel) or 621 (rentals). */
    public static class BudgetLine {
        public String account;
        public BigDecimal amount;

        public BudgetLine() {
        }

        public BudgetLine(String account, BigDecimal amount) {
            this.account = account;
            this.amount = amount;
        }

        /** For the portal's expressions, which read properties, not fields. */
        public String getAccount() {
            return account;
        }

        public BigDecimal getAmount() {
            return amount;
        }
    }

    /**
     * @throws InvalidEntryException
     *             naming the first field that is wrong
     */
    public void check() {
        code = Dimensions.checkCode(code, "code");
        name = Dimensions.checkName(name, "name");
        funder = Dimensions.checkName(funder, "funder");
        if (awarded == null || awarded.signum() <= 0 || awarded.stripTrailingZeros().scale() > 2) {
            throw new InvalidEntryException("awarded", "grant.awarded.invalid");
        }
        if (awarded.compareTo(EntryDraft.MAX_AMOUNT) > 0) {
            throw new InvalidEntryException("awarded", "grant.awarded.large", EntryDraft.MAX_AMOUNT);
        }
        if (eligibleFrom == null || eligibleTo == null || eligibleTo.isBefore(eligibleFrom)) {
            throw new InvalidEntryException(eligibleFrom == null ? "eligibleFrom" : "eligibleTo", "grant.eligibility");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; budget != null && i < budget.size(); i++) {
            BudgetLine line = budget.get(i);
            String field = "budget[" + i + "]";
            if (line == null || line.account == null || !line.account.strip().matches("[67][0-9]{0,11}")) {
                throw new InvalidEntryException(field + ".account", "grant.budget.account", i + 1);
            }
            line.account = line.account.strip();
            if (!seen.add(line.account)) {
                throw new InvalidEntryException(field + ".account", "grant.budget.twice", i + 1, line.account);
            }
            if (line.amount == null || line.amount.signum() < 0 || line.amount.stripTrailingZeros().scale() > 2) {
                throw new InvalidEntryException(field + ".amount", "grant.budget.amount", i + 1);
            }
            if (line.amount.compareTo(EntryDraft.MAX_AMOUNT) > 0) {
                throw new InvalidEntryException(field + ".amount", "grant.budget.large", i + 1, EntryDraft.MAX_AMOUNT);
            }
        }
    }
}
