package coop.intercoop.hub.tenders.boundary;

import java.lang.annotation.Annotation;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import coop.intercoop.hub.platform.faces.PortalModule;

/** Tenders in the portal's navigation: seen by those who read the tenders. */
@ApplicationScoped
public class TendersModule implements PortalModule {

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String title() {
        return "nav.tenders";
    }

    @Override
    public Class<? extends Annotation> permission() {
        return ReadsTenders.class;
    }

    @Override
    public List<Link> links() {
        return List.of(Link.of("navOpportunities", "/org/tenders/opportunities", "nav.opportunities"),
                Link.of("navWatches", "/org/tenders/watches", "nav.watches"),
                Link.of("navBids", "/org/tenders/bids", "nav.bids"),
                Link.of("navCredentials", "/org/tenders/credentials", "nav.credentials"));
    }
}
