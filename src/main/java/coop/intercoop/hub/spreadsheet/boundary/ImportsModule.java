package coop.intercoop.hub.spreadsheet.boundary;

import java.lang.annotation.Annotation;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import coop.intercoop.hub.platform.faces.PortalModule;

/** Imports in the portal's navigation: one page, seen by those who import workbooks. */
@ApplicationScoped
public class ImportsModule implements PortalModule {

    @Override
    public int order() {
        return 90;
    }

    @Override
    public String title() {
        return "nav.imports";
    }

    @Override
    public Class<? extends Annotation> permission() {
        return ImportsWorkbooks.class;
    }

    @Override
    public List<Link> links() {
        return List.of(Link.of("navImports", "/org/imports", "nav.imports"));
    }
}
