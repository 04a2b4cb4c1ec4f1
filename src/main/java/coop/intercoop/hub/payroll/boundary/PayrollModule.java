package coop.intercoop.hub.payroll.boundary;

import java.lang.annotation.Annotation;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import coop.intercoop.hub.platform.faces.PortalModule;

/** Payroll in the portal's navigation: seen by those who handle the organisation's personnel. */
@ApplicationScoped
public class PayrollModule implements PortalModule {

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String title() {
        return "nav.payroll";
    }

    @Override
    public Class<? extends Annotation> permission() {
        return HandlesPersonnel.class;
    }

    @Override
    public List<Link> links() {
        return List.of(Link.of("navEmployees", "/org/payroll/employees", "nav.employees"),
                Link.of("navItems", "/org/payroll/items", "nav.items"),
                Link.of("navRuns", "/org/payroll/runs", "nav.runs"),
                Link.of("navMappings", "/org/payroll/mappings", "nav.mappings"),
                Link.of("navReturns", "/org/payroll/returns", "nav.returns"));
    }
}
