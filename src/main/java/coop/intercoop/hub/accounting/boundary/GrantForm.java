package coop.intercoop.hub.accounting.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import coop.intercoop.hub.accounting.control.Analytics;
import coop.intercoop.hub.accounting.entity.Grant;

/** The portal's form to record a grant or change it, with its budget lines. */
public class GrantForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One budget line: an expense (or income) account group or account and its amount. */
    public static class BudgetRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String account;
        private BigDecimal amount;

        public String getAccount() {
            return account;
        }

        public void setAccount(String account) {
            this.account = account;
        }

        public BigDecimal getAmount() {
            return amount;
        }

        public void setAmount(BigDecimal amount) {
            this.amount = amount;
        }
    }

    /** The code of the grant being changed, or null for a new one. */
    private String editing;
    private String code;
    private String name;
    private String funder;
    private BigDecimal awarded;
    private LocalDate eligibleFrom;
    private LocalDate eligibleTo;
    private final List<BudgetRow> budget = new ArrayList<>();

    public static GrantForm of(Analytics.GrantView grant) {
        GrantForm form = new GrantForm();
        form.editing = grant.code();
        form.code = grant.code();
        form.name = grant.name();
        form.funder = grant.funder();
        form.awarded = grant.awarded();
        form.eligibleFrom = grant.eligibleFrom();
        form.eligibleTo = grant.eligibleTo();
        for (Grant.BudgetLine line : grant.budget()) {
            BudgetRow row = new BudgetRow();
            row.account = line.account;
            row.amount = line.amount;
            form.budget.add(row);
        }
        return form;
    }

    /** The grant as the control takes it; an empty budget row is left out, a half-filled one is checked. */
    public Grant grant() {
        Grant grant = new Grant();
        grant.code = code;
        grant.name = name;
        grant.funder = funder;
        grant.awarded = awarded;
        grant.eligibleFrom = eligibleFrom;
        grant.eligibleTo = eligibleTo;
        for (BudgetRow row : budget) {
            if (row.account != null && !row.account.isBlank() || row.amount != null) {
                grant.budget.add(new Grant.BudgetLine(row.account, row.amount));
            }
        }
        return grant;
    }

    public void addRow() {
        budget.add(new BudgetRow());
    }

    public void removeRow(BudgetRow row) {
        budget.remove(row);
    }

    public String getEditing() {
        return editing;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFunder() {
        return funder;
    }

    public void setFunder(String funder) {
        this.funder = funder;
    }

    public BigDecimal getAwarded() {
        return awarded;
    }

    public void setAwarded(BigDecimal awarded) {
        this.awarded = awarded;
    }

    public LocalDate getEligibleFrom() {
        return eligibleFrom;
    }

    public void setEligibleFrom(LocalDate eligibleFrom) {
        this.eligibleFrom = eligibleFrom;
    }

    public LocalDate getEligibleTo() {
        return eligibleTo;
    }

    public void setEligibleTo(LocalDate eligibleTo) {
        this.eligibleTo = eligibleTo;
    }

    public List<BudgetRow> getBudget() {
        return budget;
    }
}
