package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.control.Analytics;
import coop.intercoop.hub.accounting.control.GrantExecutions;

/**
 * The execution of one of the organisation's grants ({@code /org/accounting/grant-execution.xhtml}): per budget line
 * the budget, what was charged to the grant and what remains, with totals; on screen or as a spreadsheet. For
 * org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class GrantExecutionPage extends ReportPage<GrantExecutions.GrantExecution> {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<Analytics> analytics;

    @Inject
    Instance<GrantExecutions> executions;

    private List<Analytics.GrantView> grants = List.of();
    private String grant;

    /** Lists the grants and shows the one of the page's address, else the first. */
    @Override
    void open() {
        grants = analytics.get().grants();
        if (grant == null || grant.isBlank()) {
            grant = grants.isEmpty() ? null : grants.get(0).code();
        }
        if (grant != null) {
            show();
        }
    }

    @Override
    GrantExecutions.GrantExecution read() {
        return executions.get().grantExecution(grant);
    }

    @Override
    void send() throws IOException {
        ReportWorkbooks.GRANT_EXECUTION.send(tenant.id(), read());
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

    public GrantExecutions.GrantExecution getReport() {
        return report();
    }
}
