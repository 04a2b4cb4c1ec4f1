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
import coop.intercoop.hub.tenancy.control.Memberships;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Membership;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * The trial balance summed over several organisations ({@code /org/accounting/consolidated.xhtml}), for a
 * shared-services accountant or an auditor: the organisations offered are the caller's memberships with a role that
 * reads the books, and every request checks the ones ticked against those memberships again, so a crafted request
 * naming another organisation is refused as if it did not exist (DESIGN rule 1).
 */
@Named
@ViewScoped
public class ConsolidatedTrialBalancePage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An organisation that may be ticked. */
    public record Option(long id, String name) implements Serializable {
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

    private List<Option> options = List.of();
    private Long[] orgs = {};
    private LocalDate date = LocalDate.now();
    private ReportLevel level = ReportLevel.THREE_DIGITS;
    private Reports.Consolidated report;

    /** Offers the caller's organisations where they read the books, the one selected in the portal ticked. */
    @Transactional
    public void load() {
        Organisations names = organisations.get();
        options = readableMemberships().stream().map(m -> new Option(m.getOrgId(), names.find(m.getOrgId()).getName()))
                .sorted(Comparator.comparing(Option::name, String.CASE_INSENSITIVE_ORDER)).toList();
        long current = tenant.id();
        orgs = options.stream().filter(o -> o.id() == current).map(Option::id).toArray(Long[]::new);
    }

    @Transactional
    public void show() {
        report = null;
        report = reports.get().consolidatedTrialBalance(checked(), date, level);
    }

    @Transactional
    public void download() throws IOException {
        Reports.Consolidated tb = reports.get().consolidatedTrialBalance(checked(), date, level);
        WorkbookDownload.send(ReportWorkbooks.dated("sumas-y-saldos-consolidado-nivel-" + tb.level(), tb.date()),
                "Balance de sumas y saldos consolidado a " + ReportWorkbooks.shown(tb.date()) + ", nivel " + tb.level()
                        + ", organizaciones " + tb.organisations(),
                xlsx -> ReportWorkbooks.trialBalance(xlsx, "Consolidado", tb.rows(), tb.totals()));
    }

    private List<Membership> readableMemberships() {
        return memberships.get().of(caller.user()).stream().filter(ConsolidatedTrialBalancePage::readsTheBooks)
                .toList();
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
            if (membership == null || !readsTheBooks(membership)) {
                throw new NotFoundException("organisation", org);
            }
            checked.add(org);
        }
        if (checked.isEmpty() || checked.size() > ConsolidatedReportsResource.MAX_ORGANISATIONS) {
            throw new InvalidReportException("orgs",
                    "Tick 1 to " + ConsolidatedReportsResource.MAX_ORGANISATIONS + " organisations.");
        }
        return checked;
    }

    private static boolean readsTheBooks(Membership membership) {
        Set<Role> roles = membership.getRoles();
        return Arrays.stream(AccountingRoles.READ).anyMatch(roles::contains);
    }

    public List<ReportLevel> getLevels() {
        return List.of(ReportLevel.values());
    }

    public List<Option> getOptions() {
        return options;
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
