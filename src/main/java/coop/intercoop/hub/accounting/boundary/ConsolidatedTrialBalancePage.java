package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import coop.intercoop.hub.accounting.control.Consolidation;
import coop.intercoop.hub.accounting.entity.InvalidReportException;
import coop.intercoop.hub.accounting.entity.ReportLevel;
import coop.intercoop.hub.platform.DateParameters;
import coop.intercoop.hub.tenancy.control.CallerOrganisations;
import coop.intercoop.hub.tenancy.control.Consortia;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The trial balance summed over several organisations ({@code /org/accounting/consolidated.xhtml}), for a
 * shared-services accountant or an auditor: either over organisations of the caller's, or over a consortium of the
 * current organisation. The organisations offered are the caller's memberships with a role that reads the books, and
 * every request checks the ones ticked against those memberships again, so a crafted request naming another
 * organisation is refused as if it did not exist (DESIGN rule 1); a consortium is checked the same way against the
 * current organisation, and sums only the members whose books the caller reads, naming the others as left out.
 */
@Named
@ViewScoped
public class ConsolidatedTrialBalancePage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An organisation that may be ticked, or a consortium that may be chosen. */
    public record Option(long id, String name) implements Serializable {
    }

    /** What the report sums. */
    public enum Scope {
        /** Organisations of the caller's, ticked. */
        MINE,
        /** A consortium of the current organisation. */
        CONSORTIUM
    }

    @Inject
    Tenant tenant;

    @Inject
    Instance<CallerOrganisations> callerOrganisations;

    @Inject
    Instance<Consortia> consortia;

    @Inject
    Instance<Consolidation> consolidation;

    private List<Option> options = List.of();
    private List<Option> consortiumOptions = List.of();
    private Scope scope = Scope.MINE;
    private Long consortium;
    private Consolidation.ConsortiumTrialBalance consortiumReport;
    private Long[] orgs = {};
    private LocalDate date = LocalDate.now();
    private ReportLevel level = ReportLevel.THREE_DIGITS;
    private Consolidation.Consolidated report;
    private String dateParameter;
    private String levelParameter;
    private String scopeParameter;
    private String orgsParameter;
    private String consortiumParameter;

    /**
     * Offers the caller's organisations where they read the books, the one selected in the portal ticked, and the
     * consortia of the current organisation; then takes the parameters of the page's address, if any, and shows their
     * report (the organisations and the consortium are checked as on every request).
     */
    @Transactional
    public void load() {
        options = callerOrganisations.get().holding(AccountingRoles.READ).stream()
                .map(m -> new Option(m.orgId(), m.name()))
                .sorted(Comparator.comparing(Option::name, String.CASE_INSENSITIVE_ORDER)).toList();
        long current = tenant.id();
        orgs = options.stream().filter(o -> o.id() == current).map(Option::id).toArray(Long[]::new);
        consortiumOptions = consortia.get().of(current).stream().map(c -> new Option(c.getId(), c.getName())).toList();
        consortium = consortiumOptions.isEmpty() ? null : consortiumOptions.get(0).id();
        if (dateParameter == null && orgsParameter == null && consortiumParameter == null) {
            return;
        }
        date = Objects.requireNonNullElse(DateParameters.date(dateParameter, "date"), date);
        level = Objects.requireNonNullElse(ReportLevel.fromString(levelParameter), ReportLevel.THREE_DIGITS);
        if (scopeParameter != null) {
            scope = Arrays.stream(Scope.values()).filter(s -> s.name().equalsIgnoreCase(scopeParameter.strip()))
                    .findFirst().orElseThrow(() -> new InvalidReportException("scope", "report.scope", scopeParameter));
        }
        if (orgsParameter != null) {
            orgs = ConsolidatedReportsResource.ids(orgsParameter).toArray(Long[]::new);
        }
        if (consortiumParameter != null) {
            consortium = ConsolidatedReportsResource.id(consortiumParameter, "consortium");
        }
        show();
    }

    /** Asks for the page again with the parameters in its address, so that a reload or a bookmark shows the report. */
    public String showAtAddress() {
        return ReportPage.thisAddress();
    }

    @Transactional
    public void show() {
        report = null;
        consortiumReport = null;
        if (scope == Scope.CONSORTIUM) {
            consortiumReport = consortiumTrialBalance();
            report = consortiumReport.trialBalance();
        } else {
            report = organisationsTrialBalance();
        }
    }

    @Transactional
    public void download() throws IOException {
        ReportWorkbooks.ConsolidatedExport export;
        if (scope == Scope.CONSORTIUM) {
            export = ReportWorkbooks.ConsolidatedExport.of(consortiumTrialBalance());
        } else {
            Consolidation.Consolidated tb = organisationsTrialBalance();
            export = new ReportWorkbooks.ConsolidatedExport(tb, null, consolidation.get().parties(tb.organisations()),
                    List.of());
        }
        ReportWorkbooks.CONSOLIDATED.send(tenant.id(), export);
    }

    /** The ticked organisations' trial balance, each checked against the caller's memberships as they are now. */
    private Consolidation.Consolidated organisationsTrialBalance() {
        return consolidation.get().trialBalance(orgs == null ? List.of() : Arrays.asList(orgs), date, level,
                AccountingRoles.READ);
    }

    /** The chosen consortium, checked against the current organisation on this request. */
    private Consolidation.ConsortiumTrialBalance consortiumTrialBalance() {
        if (consortium == null) {
            throw new InvalidReportException("consortium", "report.consortium");
        }
        return consolidation.get().consortiumTrialBalance(tenant.id(), consortium, date, level, AccountingRoles.READ);
    }

    /** The date in the page's address, ISO. */
    public String getDateParameter() {
        return date == null ? dateParameter : date.toString();
    }

    public void setDateParameter(String dateParameter) {
        this.dateParameter = dateParameter;
    }

    /** The level in the page's address, as the API writes it. */
    public String getLevelParameter() {
        return level.code();
    }

    public void setLevelParameter(String levelParameter) {
        this.levelParameter = levelParameter;
    }

    public String getScopeParameter() {
        return scope.name();
    }

    public void setScopeParameter(String scopeParameter) {
        this.scopeParameter = scopeParameter;
    }

    /** The organisations ticked, in the page's address as the API takes them: 1,2,3. */
    public String getOrgsParameter() {
        return scope != Scope.MINE || orgs == null ? null
                : Arrays.stream(orgs).map(String::valueOf).collect(Collectors.joining(","));
    }

    public void setOrgsParameter(String orgsParameter) {
        this.orgsParameter = orgsParameter;
    }

    public String getConsortiumParameter() {
        return scope != Scope.CONSORTIUM || consortium == null ? null : consortium.toString();
    }

    public void setConsortiumParameter(String consortiumParameter) {
        this.consortiumParameter = consortiumParameter;
    }

    public List<ReportLevel> getLevels() {
        return List.of(ReportLevel.values());
    }

    public List<Option> getOptions() {
        return options;
    }

    public List<Option> getConsortiumOptions() {
        return consortiumOptions;
    }

    public List<Scope> getScopes() {
        return List.of(Scope.values());
    }

    public Scope getScope() {
        return scope;
    }

    public void setScope(Scope scope) {
        this.scope = scope;
    }

    public Long getConsortium() {
        return consortium;
    }

    public void setConsortium(Long consortium) {
        this.consortium = consortium;
    }

    public Consolidation.ConsortiumTrialBalance getConsortiumReport() {
        return consortiumReport;
    }

    public Long[] getOrgs() {
        return orgs;
    }

    public void setOrgs(Long[] orgs) {
        this.orgs = orgs;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public ReportLevel getLevel() {
        return level;
    }

    public void setLevel(ReportLevel level) {
        this.level = level;
    }

    public Consolidation.Consolidated getReport() {
        return report;
    }
}
