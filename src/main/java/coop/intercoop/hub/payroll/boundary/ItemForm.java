package coop.intercoop.hub.payroll.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

import coop.intercoop.hub.payroll.entity.PayrollItem;
import coop.intercoop.hub.payroll.entity.PayrollItemData;

/**
 * The portal's form of a month's item: the same {@link PayrollItemData} the API and the import take, with the accessors
 * the page binds its inputs to. Which fields a kind takes, and every refusal, are the entity's ({@code PayrollItem}),
 * as through the API; the page shows a kind's fields only.
 */
public class ItemForm extends PayrollItemData {

    /** A new item of the month, of no kind yet. */
    ItemForm(String month) {
        this.month = month;
    }

    /** The month, {@code yyyy-MM}: the one shown when the item was begun. */
    public String getMonth() {
        return month;
    }

    public Long getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(Long employeeId) {
        this.employeeId = employeeId;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getConcept() {
        return concept;
    }

    public void setConcept(String concept) {
        this.concept = concept;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public void setHours(BigDecimal hours) {
        this.hours = hours;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public boolean isForceMajeure() {
        return forceMajeure;
    }

    public void setForceMajeure(boolean forceMajeure) {
        this.forceMajeure = forceMajeure;
    }

    public boolean isSalary() {
        return salary;
    }

    public void setSalary(boolean salary) {
        this.salary = salary;
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

    public LocalDate getFirstDay() {
        return firstDay;
    }

    public void setFirstDay(LocalDate firstDay) {
        this.firstDay = firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public void setLastDay(LocalDate lastDay) {
        this.lastDay = lastDay;
    }

    public BigDecimal getPreviousBase() {
        return previousBase;
    }

    public void setPreviousBase(BigDecimal previousBase) {
        this.previousBase = previousBase;
    }

    public Integer getPreviousDays() {
        return previousDays;
    }

    public void setPreviousDays(Integer previousDays) {
        this.previousDays = previousDays;
    }

    public boolean isOccupational() {
        return occupational;
    }

    public void setOccupational(boolean occupational) {
        this.occupational = occupational;
    }

    /**
     * The item as the API would receive it: only the fields its kind takes, so that a value typed under another kind
     * chosen before is not sent (the entity refuses a field its kind does not take).
     */
    PayrollItemData data() {
        PayrollItemData data = new PayrollItemData();
        data.employeeId = employeeId;
        data.month = month;
        data.kind = kind;
        data.concept = takes("concept") ? concept : null;
        data.hours = takes("hours") ? hours : null;
        data.days = takes("days") ? days : null;
        data.amount = takes("amount") ? amount : null;
        data.forceMajeure = takes("forceMajeure") && forceMajeure;
        data.salary = salary;
        data.contributes = contributes;
        data.taxed = taxed;
        data.exemptSubkey = takes("exemptSubkey") ? exemptSubkey : null;
        data.firstDay = takes("firstDay") ? firstDay : null;
        data.lastDay = takes("lastDay") ? lastDay : null;
        data.previousBase = takes("previousBase") ? previousBase : null;
        data.previousDays = takes("previousDays") ? previousDays : null;
        data.occupational = takes("occupational") && occupational;
        return data;
    }

    /** Whether the chosen kind takes the field ({@code PayrollItem.Kind}'s list): the page shows it only then. */
    public boolean takes(String field) {
        return PayrollItem.Kind.of(kind).map(k -> k.takes(field)).orElse(false);
    }
}
