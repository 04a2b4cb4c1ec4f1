package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import coop.intercoop.hub.accounting.control.Reports;
import coop.intercoop.hub.accounting.entity.InvalidReportException;
import coop.intercoop.hub.accounting.entity.ReportLevel;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Consortia;
import coop.intercoop.hub.tenancy.control.Memberships;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Membership;

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
    Caller caller;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Memberships> memberships;

    @Inject
    Instance<Organisations> organisations;

    @Inject
    Instance<Reports> reports;

    @Inject
    Instance<Consortia> consortia;

    @Inject
    Instance<ConsortiumConsolidation> consolidation;

    private List<Option> options = List.of();
    private List<Option> consortiumOptions = List.of();
    private Scope scope = Scope.MINE;
    private Long consortium;
    private ConsortiumConsolidation.ConsortiumTrialBalance consortiumReport;
    private Long[] orgs = {};
    private LocalDate date = LocalDate.now();
    private ReportLevel level = ReportLevel.THREE_DIGITS;
    private Reports.Consolidated report;
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
        Organisations names = organisations.get();
        options = readableMemberships().stream().map(m -> new Option(m.getOrgId(), names.find(m.getOrgId()).getName()))
                .sorted(Comparator.comparing(Option::name, String.CASE_INSENSITIVE_ORDER)).toList();
        long current = tenant.id();
        orgs = options.stream().filter(o -> o.id() == current).map(Option::id).toArray(Long[]::new);
        consortiumOptions = consortia.get().of(current).stream().map(c -> new Option(c.getId(), c.getName())).toList();
        consortium = consortiumOptions.isEmpty() ? null : consortiumOptions.get(0).id();
        if (dateParameter == null && orgsParameter == null && consortiumParameter == null) {
            return;
        }
        date = dateParameter == null ? date : Dates.required(dateParameter, "date");
        level = ReportLevel.of(levelParameter);
        if (scopeParameter != null) {
            scope = Arrays.stream(Scope.values()).filter(s -> s.name().equalsIgnoreCase(scopeParameter.strip()))
                    .findFirst().orElseThrow(() -> new InvalidReportException("scope", "report.scope", scopeParameter));
        }
        if (orgsParameter != null) {
            orgs = Arrays.stream(orgsParameter.split(",")).filter(id -> !id.isBlank()).map(id -> id(id, "organisation"))
                    .toArray(Long[]::new);
        }
        if (consortiumParameter != null) {
            consortium = id(consortiumParameter, "consortium");
        }
        show();
    }

    /** Asks for the page again with the parameters in its address, so that a reload or a bookmark shows the report. */
    public String showAtAddress() {
        return ReportPage.thisAddress();
    }

    /** An id of the page's address: one that is not a number names nothing, as the API answers. */
    private static long id(String text, String what) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new NotFoundException(what, text.strip());
        }
    }

    @Transactional
    public void show() {
        report = null;
        consortiumReport = null;
        if (scope == Scope.CONSORTIUM) {
            consortiumReport = consortiumTrialBalance();
            report = consortiumReport.trialBalance();
        } else {
            report = reports.get().consolidatedTrialBalance(checked(), date, level);
        }
    }

    @Transactional
    public void download() throws IOException {
        if (scope == Scope.CONSORTIUM) {
            ConsortiumConsolidation.ConsortiumTrialBalance over = consortiumTrialBalance();
            Reports.Consolidated tb = over.trialBalance();
            WorkbookDownload.send(ReportWorkbooks.consolidatedName(tb),
                    ReportWorkbooks.consolidatedTitle(tb, ConsortiumConsolidation.over(over)),
                    xlsx -> ReportWorkbooks.consolidated(xlsx, tb, over.consortium(), over.included(), over.leftOut()));
            return;
        }
        Reports.Consolidated tb = reports.get().consolidatedTrialBalance(checked(), date, level);
        List<ConsortiumConsolidation.Party> summed = consolidation.get().parties(tb.organisations());
        WorkbookDownload.send(ReportWorkbooks.consolidatedName(tb),
                ReportWorkbooks.consolidatedTitle(tb, "organizaciones " + ConsortiumConsolidation.names(summed)),
                xlsx -> ReportWorkbooks.consolidated(xlsx, tb, null, summed, List.of()));
    }

    /** The chosen consortium, checked against the current organisation on this request. */
    private ConsortiumConsolidation.ConsortiumTrialBalance consortiumTrialBalance() {
        if (consortium == null) {
            throw new InvalidReportException("consortium", "report.consortium");
        }
        return consolidation.get().trialBalance(tenant.id(), consortium, date, level);
    }

    private List<Membership> readableMemberships() {
        return memberships.get().of(caller.user()).stream().filter(AccountingRoles::readsTheBooks).toList();
    }

    /** The ticked organisations, checked against the caller's memberships as they are now. */
    private Set<Long> checked() {
        return readable(memberships.get().of(caller.user()), orgs);
    }

    /**
     * The organisations asked for, each one among {@code mine} with a role that reads the books.
     *
     * @throws NotFoundException
     *             naming the first organisation asked for that is not one of those, as if it did not exist
     * @throws InvalidReportException
     *             if none, or more than {@value ConsolidatedReportsResource#MAX_ORGANISATIONS}, are asked for
     */
    static Set<Long> readable(List<Membership> mine, Long... asked) {
        Map<Long, Membership> byOrg = mine.stream()
                .collect(Collectors.toMap(Membership::getOrgId, m -> m, (a, b) -> a));
        Set<Long> checked = new LinkedHashSet<>();
        for (Long org : asked == null ? new Long[0] : asked) {
            Membership membership = org == null ? null : byOrg.get(org);
            if (membership == null || !AccountingRoles.readsTheBooks(membership)) {
                throw new NotFoundException("organisation", org);
            }
            checked.add(org);
        }
        if (checked.isEmpty() || checked.size() > ConsolidatedReportsResource.MAX_ORGANISATIONS) {
            throw new InvalidReportException("orgs", "report.orgs.count",
                    ConsolidatedReportsResource.MAX_ORGANISATIONS);
        }
        return checked;
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

    public ConsortiumConsolidation.ConsortiumTrialBalance getConsortiumReport() {
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

    public Reports.Consolidated getReport() {
        return report;
    }
}
