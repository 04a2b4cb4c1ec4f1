package coop.intercoop.hub.payroll.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import coop.intercoop.hub.payroll.entity.ContractData;
import coop.intercoop.hub.payroll.entity.EmploymentContract;
import coop.intercoop.hub.payroll.entity.SalaryItem;

/**
 * The portal's form of a contract, new or changed: the same {@link ContractData} the API takes, with the accessors the
 * page binds its inputs to (each input checked by the constraints of its field) and the salary items as rows. The
 * contract being changed and the version it was read with ride along, so a change made meanwhile is a conflict.
 */
public class ContractForm extends ContractData {

    private Long contractId;
    private final List<Item> items = new ArrayList<>();

    /** A new contract, with an empty base salary to fill in. */
    public ContractForm() {
        Item base = new Item();
        base.kind = SalaryItem.Kind.BASE;
        items.add(base);
    }

    /** The contract as it was read, to be changed. */
    public static ContractForm of(EmploymentContract contract) {
        ContractForm form = new ContractForm();
        form.items.clear();
        form.contractId = contract.getId();
        form.version = contract.getVersion();
        form.startDate = contract.getStartDate();
        form.endDate = contract.getEndDate();
        form.contractType = contract.getContractType();
        form.partTimeCoefficient = contract.getPartTimeCoefficient();
        form.contributionGroup = contract.getContributionGroup();
        form.activityCode = contract.getActivityCode();
        form.occupationLetter = contract.getOccupationLetter();
        form.agreementCode = contract.getAgreementCode();
        form.professionalCategory = contract.getProfessionalCategory();
        form.workCentreId = contract.getWorkCentreId();
        for (SalaryItem s : contract.getSalaryItems()) {
            Item item = new Item();
            item.name = s.getName();
            item.monthlyAmount = s.getMonthlyAmount();
            item.kind = s.getKind();
            item.contributes = s.isContributes();
            item.taxed = s.isTaxed();
            item.exemptSubkey = s.getExemptSubkey().orElse(null);
            item.from = s.getMonths().from().map(YearMonth::toString).orElse(null);
            item.until = s.getMonths().until().map(YearMonth::toString).orElse(null);
            item.paidIn = s.getPaidIn().stream().map(Month::getValue).toList();
            form.items.add(item);
        }
        return form;
    }

    /** What the control takes: this form with its rows as the salary items. */
    ContractData data() {
        salaryItems = new ArrayList<>(items);
        return this;
    }

    public void addItem() {
        Item item = new Item();
        item.kind = SalaryItem.Kind.COMPLEMENT;
        items.add(item);
    }

    public void removeItem(Item item) {
        items.remove(item);
    }

    /** Whether the form registers a contract: a contract read carries the version it was read with. */
    public boolean isNew() {
        return version == null;
    }

    public Long getContractId() {
        return contractId;
    }

    public List<Item> getItems() {
        return items;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public String getContractType() {
        return contractType;
    }

    public void setContractType(String contractType) {
        this.contractType = contractType;
    }

    public BigDecimal getPartTimeCoefficient() {
        return partTimeCoefficient;
    }

    public void setPartTimeCoefficient(BigDecimal partTimeCoefficient) {
        this.partTimeCoefficient = partTimeCoefficient;
    }

    public Integer getContributionGroup() {
        return contributionGroup;
    }

    public void setContributionGroup(Integer contributionGroup) {
        this.contributionGroup = contributionGroup;
    }

    public String getActivityCode() {
        return activityCode;
    }

    public void setActivityCode(String activityCode) {
        this.activityCode = activityCode;
    }

    public String getOccupationLetter() {
        return occupationLetter;
    }

    public void setOccupationLetter(String occupationLetter) {
        this.occupationLetter = occupationLetter;
    }

    public String getAgreementCode() {
        return agreementCode;
    }

    public void setAgreementCode(String agreementCode) {
        this.agreementCode = agreementCode;
    }

    public String getProfessionalCategory() {
        return professionalCategory;
    }

    public void setProfessionalCategory(String professionalCategory) {
        this.professionalCategory = professionalCategory;
    }

    public Long getWorkCentreId() {
        return workCentreId;
    }

    public void setWorkCentreId(Long workCentreId) {
        this.workCentreId = workCentreId;
    }

    /** A salary item as a row of the form. */
    public static class Item extends SalaryItemData {

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public BigDecimal getMonthlyAmount() {
            return monthlyAmount;
        }

        public void setMonthlyAmount(BigDecimal monthlyAmount) {
            this.monthlyAmount = monthlyAmount;
        }

        public SalaryItem.Kind getKind() {
            return kind;
        }

        public void setKind(SalaryItem.Kind kind) {
            this.kind = kind;
        }

        public boolean isContributes() {
            return contributes;
        }

        public void setContributes(boolean contributes) {
            this.contributes = contributes;
        }

        public boolean isTaxed() {
            return taxed;
        }

        public void setTaxed(boolean taxed) {
            this.taxed = taxed;
        }

        public Integer getExemptSubkey() {
            return exemptSubkey;
        }

        public void setExemptSubkey(Integer exemptSubkey) {
            this.exemptSubkey = exemptSubkey;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getUntil() {
            return until;
        }

        public void setUntil(String until) {
            this.until = until;
        }

        public List<Integer> getPaidIn() {
            return paidIn;
        }

        public void setPaidIn(List<Integer> paidIn) {
            this.paidIn = paidIn;
        }
    }
}
