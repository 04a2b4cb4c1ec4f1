package coop.intercoop.hub.platform.faces;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * What a component adds to the portal's navigation: its entry among the modules, who sees it, and its pages. A
 * component declares one as a CDI bean; the shell lists every bean there is, so a new module shows up by adding its
 * own, and the shell names no component's pages or roles.
 */
public interface PortalModule {

    /** Its place among the modules, lowest first. */
    int order();

    /** The key of its name among the portal's texts. */
    String title();

    /**
     * The permission that lets a member of the organisation see it: a component's annotation carrying the roles that
     * hold it (the one its pages and resources declare).
     */
    Class<? extends Annotation> permission();

    /** Its pages, in order; a module of one page is shown as that page's link. */
    List<Link> links();

    /**
     * A page: its link's element id, the Faces outcome, the key of its label, the permission to see it ({@code null}:
     * the module's) and the views that mark it as the current page.
     */
    record Link(String id, String outcome, String label, Class<? extends Annotation> permission, List<String> views) {

        /** A page seen by whoever sees the module, current on its own view. */
        public static Link of(String id, String outcome, String label) {
            return new Link(id, outcome, label, null, List.of(outcome + ".xhtml"));
        }
    }
}
