package coop.intercoop.hub.payroll.boundary;

import java.lang.annotation.Annotation;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import coop.intercoop.hub.payroll.control.EmployeeUsers;
import coop.intercoop.hub.platform.faces.PortalModule;
import coop.intercoop.hub.portal.boundary.OrganisationSelection;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * <em>My payslips</em> in the portal's navigation: for a member of the organisation whom it linked to an employee, and
 * for nobody else (no link, no entry: a module without pages is not shown). Asked once per request.
 */
@RequestScoped
public class OwnPayslipsModule implements PortalModule {

    @Inject
    EmployeeUsers links;

    @Inject
    Caller caller;

    @Inject
    Tenant tenant;

    @Inject
    OrganisationSelection selection;

    private List<Link> shown;

    @Override
    public int order() {
        return 21;
    }

    @Override
    public String title() {
        return "nav.myPayslips";
    }

    @Override
    public Class<? extends Annotation> permission() {
        return ReadsOwnPayslips.class;
    }

    @Override
    public List<Link> links() {
        if (shown == null) {
            // the organisation of the page, or else the one the shell shows (the start page has none of its own)
            Long org = tenant.isEntered() ? Long.valueOf(tenant.id()) : selection.orgId();
            shown = org != null && links.linked(org, caller.user().getId())
                    ? List.of(Link.of("navMyPayslips", "/org/payroll/my-payslips", "nav.myPayslips"))
                    : List.of();
        }
        return shown;
    }
}
