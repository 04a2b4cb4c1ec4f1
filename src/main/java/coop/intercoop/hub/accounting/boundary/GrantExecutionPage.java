package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import coop.intercoop.hub.accounting.control.Analytics;
import coop.intercoop.hub.accounting.control.Reports;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * The execution of one of the organisation's grants ({@code /org/accounting/grant-execution.xhtml}): per budget line
 * the budget, what was charged to the grant and what remains, with totals; on screen or as a spreadsheet. For
 * org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class GrantExecutionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Reports> reports;

    @Inject
    Instance<Analytics> analytics;

    private List<Analytics.GrantView> grants = List.of();
    private String grant;
    private Reports.GrantExecution report;

    /** Lists the grants and shows the first. */
    @Transactional
    @Tenanted
    public void load() {
        tenant.require(AccountingRoles.READ);
        grants = analytics.get().grants();
        if (!grants.isEmpty()) {
            grant = grants.get(0).code();
            show();
        }
    }

    @Transactional
    @Tenanted
    public void show() {
        tenant.require(AccountingRoles.READ);
        report = null;
        report = reports.get().grantExecution(grant);
    }

    @Transactional
    @Tenanted
    public void download() throws IOException {
        tenant.require(AccountingRoles.READ);
        Reports.GrantExecution execution = reports.get().grantExecution(grant);
        WorkbookDownload.send("subvencion-" + tenant.id() + "-" + execution.grant(),
                "Ejecución de la subvención " + execution.grant() + " " + execution.name(),
                xlsx -> ReportWorkbooks.grant(xlsx, execution));
    }

    public List<Analytics.GrantView> getGrants() {
        return grants;
    }

    public String getGrant() {
        return grant;
    }

    public void setGrant(String grant) {
        this.grant = grant;
    }

    public Reports.GrantExecution getReport() {
        return report;
    }
}
